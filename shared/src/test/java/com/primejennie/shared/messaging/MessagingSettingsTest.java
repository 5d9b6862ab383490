package com.primejennie.shared.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MessagingSettingsTest {

    @Test
    void buySignalsExpireAfterSixtySecondsAndSellOrdersNever() {
        MessagingProperties none = MessagingProperties.defaultsOnly();

        assertThat(none.settingsFor(Streams.BUY_SIGNALS).maxAge()).isEqualTo(Duration.ofSeconds(60));
        assertThat(none.settingsFor(Streams.SELL_ORDERS).hasMaxAge()).isFalse();
        assertThat(none.settingsFor(Streams.BUY_SIGNALS).startId()).isEqualTo("$");
        assertThat(none.settingsFor(Streams.BUY_SIGNALS).ackMode()).isEqualTo(AckMode.BEFORE_HANDLER);
        assertThat(none.settingsFor(Streams.NEWS_RAW).ackMode()).isEqualTo(AckMode.AFTER_HANDLER);
        assertThat(none.settingsFor(Streams.NEWS_RAW).startId()).isEqualTo("0");
        assertThat(none.settingsFor("stream:unknown")).isEqualTo(StreamSettings.DEFAULTS);
    }

    @Test
    void theMostSpecificSettingWinsStreamOverBuiltInOverOperatorDefaults() {
        MessagingProperties props = new MessagingProperties(null, null,
                StreamOverrides.NONE.withMaxAge(Duration.ofSeconds(30)).withBatchSize(5),
                Map.of(Streams.BUY_SIGNALS, StreamOverrides.NONE.withMaxAge(Duration.ofSeconds(20))));

        assertThat(props.settingsFor(Streams.BUY_SIGNALS).maxAge()).isEqualTo(Duration.ofSeconds(20));
        assertThat(props.settingsFor(Streams.JOBS_SCOUT).batchSize()).isEqualTo(5);
        // A money stream's built-in one-entry read is more specific than the generic default.
        assertThat(props.settingsFor(Streams.BUY_SIGNALS).batchSize()).isEqualTo(1);
        // The generic default never gives sell orders an age limit: their built-in "none" is more specific.
        assertThat(props.settingsFor(Streams.SELL_ORDERS).hasMaxAge()).isFalse();
        assertThat(props.settingsFor(Streams.JOBS_SCOUT).maxAge()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theMoneyStreamsReadOneEntryPerReadAndAGenericDefaultDoesNotEnlargeIt() {
        MessagingProperties props = new MessagingProperties(null, null, StreamOverrides.NONE.withBatchSize(50),
                Map.of("sell-orders", StreamOverrides.NONE.withBatchSize(2)));

        assertThat(MessagingProperties.defaultsOnly().settingsFor(Streams.BUY_SIGNALS).batchSize()).isEqualTo(1);
        assertThat(MessagingProperties.defaultsOnly().settingsFor(Streams.SELL_ORDERS).batchSize()).isEqualTo(1);
        assertThat(props.settingsFor(Streams.BUY_SIGNALS).batchSize()).isEqualTo(1);
        assertThat(props.settingsFor(Streams.SELL_ORDERS).batchSize()).isEqualTo(2); // the operator's own choice
        assertThat(props.settingsFor(Streams.JOBS_SCOUT).batchSize()).isEqualTo(50);
    }

    @Test
    void afterHandlerRetriesDefaultToThreeAttemptsWithABackoffOfOneSecondDoublingUpToThirtySeconds() {
        StreamSettings news = MessagingProperties.defaultsOnly().settingsFor(Streams.NEWS_RAW);

        assertThat(news.maxAttempts()).isEqualTo(3);
        assertThat(news.retryBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(news.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(news.retryDelay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(news.retryDelay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(news.retryDelay(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(news.retryDelay(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(news.retryDelay(1_000)).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> news.with(StreamOverrides.NONE.withMaxAttempts(0)))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> news.with(StreamOverrides.NONE.withRetryBackoff(Duration.ofMinutes(1))))
                .hasMessageContaining("retryBackoff");
    }

    @Test
    void invalidSettingsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> StreamSettings.DEFAULTS.with(StreamOverrides.NONE.withBatchSize(0)))
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> StreamSettings.DEFAULTS.with(StreamOverrides.NONE.withMaxAge(Duration.ofSeconds(-1))))
                .hasMessageContaining("maxAge");
    }

    @Test
    void consumerNamesAreServiceAndHostStableAcrossRestartsWithASuffixForFurtherWorkers() {
        // [DEFECT] spec/llm-dashboard-infra.md §7: names were <service>-<pid>, so a restart stranded its pending entries.
        ConsumerNames names = ConsumerNames.of(null, "buy-executor");

        assertThat(names.base()).isEqualTo("buy-executor-" + ConsumerNames.hostName());
        assertThat(names.next(Streams.BUY_SIGNALS, Streams.GROUP_BUY_EXECUTOR)).isEqualTo(names.base());
        assertThat(names.next(Streams.BUY_SIGNALS, Streams.GROUP_BUY_EXECUTOR)).isEqualTo(names.base() + "-2");
        assertThat(names.next(Streams.SELL_ORDERS, Streams.GROUP_SELL_EXECUTOR)).isEqualTo(names.base());
        assertThat(ConsumerNames.of(null, "buy-executor").base()).isEqualTo(names.base()); // a restart
        assertThat(ConsumerNames.of("executor-1", "buy-executor").base()).isEqualTo("executor-1");
    }

    @Test
    void streamNamesMatchThePythonSuite() {
        assertThat(Streams.jobs("mock.jobs.scout")).isEqualTo("stream:jobs:mock.jobs.scout");
        assertThat(Streams.deadLetter(Streams.BUY_SIGNALS)).isEqualTo("stream:buy-signals:dead");
        assertThat(Streams.JOBS_SCOUT).startsWith(Streams.JOBS_PREFIX);
    }
}
