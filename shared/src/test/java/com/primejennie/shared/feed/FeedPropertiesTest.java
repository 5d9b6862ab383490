package com.primejennie.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class FeedPropertiesTest {

    private static FeedProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("jennie.feed", FeedProperties.class);
    }

    @Test
    void defaultsAreOnAndFollowKisLimitsAndServers() {
        FeedProperties p = bind(Map.of());

        assertThat(p.enabled()).isTrue();
        assertThat(p.registrationLimit()).isEqualTo(41);
        assertThat(p.silenceThreshold()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.pricesStream()).isEqualTo("kis:prices");
        assertThat(p.fillsStream()).isEqualTo("kis:fills");
        assertThat(p.websocketUri(true)).hasToString("ws://ops.koreainvestment.com:21000");
        assertThat(p.websocketUri(false)).hasToString("ws://ops.koreainvestment.com:31000");
        assertThat(p.fillNoticesEnabled()).isFalse();
    }

    @Test
    void canBeSwitchedOffAndPointedAtKisSim() {
        FeedProperties p = bind(Map.of("jennie.feed.enabled", "false",
                "jennie.feed.websocket-url", "ws://127.0.0.1:9443/", "jennie.feed.hts-id", "jennie"));

        assertThat(p.enabled()).isFalse();
        assertThat(p.websocketUri(true)).hasToString("ws://127.0.0.1:9443/");
        assertThat(p.fillNoticesEnabled()).isTrue();
    }

    @Test
    void rejectsSettingsThatWouldSilenceTheWatchdogOrTheFeed() {
        assertThatThrownBy(() -> bind(Map.of("jennie.feed.silence-threshold", "0s")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("silence-threshold");
        assertThatThrownBy(() -> bind(Map.of("jennie.feed.registration-limit", "0")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("registration-limit");
    }
}
