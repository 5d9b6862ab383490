package com.primejennie.commandhandler.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which chats are obeyed and which services /diagnose asks, from the bot's settings. */
class BotPropertiesTest {

    private static BotProperties props(String allowed, String defaultChat, Map<String, URI> services) {
        return new BotProperties(URI.create("https://api.telegram.org"), "t", allowed, defaultChat,
                Duration.ofSeconds(5), 1, true, Duration.ofSeconds(30), URI.create("http://127.0.0.1:8082"), "",
                services);
    }

    @Test
    void obeysTheAllowListElseTheDefaultChatElseNobody() {
        assertThat(props(" 111 ,222,, ", "555", null).obeyedChats()).containsExactlyInAnyOrder("111", "222");
        assertThat(props("", "555", null).obeyedChats()).containsExactly("555");
        assertThat(props(null, " ", null).obeyedChats()).isEmpty();
    }

    @Test
    void diagnoseAsksEveryAppOnItsDefaultPortUnlessOverriddenOrRemoved() {
        Map<String, URI> given = new LinkedHashMap<>();
        given.put("buy-executor", URI.create("http://executor:8082"));
        given.put("news-archiver", URI.create(""));

        Map<String, URI> services = props("1", null, given).services();

        assertThat(services).hasSize(7).containsEntry("buy-executor", URI.create("http://executor:8082"))
                .containsEntry("price-monitor", URI.create("http://127.0.0.1:8088")).doesNotContainKey("news-archiver");
        assertThat(props("1", null, null).services()).hasSize(8);
    }

    @Test
    void refusesALongPollBeyondTelegramsLimit() {
        assertThatThrownBy(() -> new BotProperties(URI.create("http://x"), "t", "", "", Duration.ofSeconds(5), 51,
                true, Duration.ofSeconds(30), URI.create("http://x"), "", null))
                .hasMessageContaining("long-poll-seconds");
    }
}
