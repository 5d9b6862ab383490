package com.primejennie.shared.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import com.primejennie.shared.testing.RealServicesTest;

import tools.jackson.databind.JsonNode;

@SpringBootTest(properties = {
        "spring.application.name=buy-executor",
        "jennie.messaging.streams[stream\\:buy-signals].max-age=30s",
        "jennie.messaging.streams.buy-signals.block=200ms",
        "jennie.messaging.defaults.batch-size=20",
        "jennie.messaging.defaults.max-attempts=5",
        "jennie.messaging.streams.news-raw.retry-backoff=2s"})
@RealServicesTest
// Close the context after the test: its worker would otherwise keep consuming the leased db's streams as a third
// consumer of group_buy_executor while the other messaging tests run in this JVM.
@DirtiesContext
class MessagingAutoConfigurationTest {

    @SpringBootApplication
    static class App {
        final List<String> handled = new CopyOnWriteArrayList<>();

        @Bean
        TradingSignalWorker<JsonNode> buyWorker(StreamMessaging messaging) {
            return messaging.worker(Streams.BUY_SIGNALS, Streams.GROUP_BUY_EXECUTOR, m -> handled.add(m.id()));
        }
    }

    @Autowired
    StreamMessaging messaging;
    @Autowired
    TradingSignalWorker<JsonNode> worker;
    @Autowired
    App app;
    @Autowired
    List<HealthIndicator> indicators;

    @Test
    void anAppGetsMessagingBoundToItsRedisWithItsSettingsAndAWorkerStartedAsALifecycleBean() {
        assertThat(worker.settings().maxAge()).isEqualTo(Duration.ofSeconds(30));
        // A money stream reads one entry at a time; only its own setting changes that, not a generic default.
        assertThat(worker.settings().batchSize()).isEqualTo(1);
        assertThat(messaging.settingsFor(Streams.JOBS_SCOUT).batchSize()).isEqualTo(20);
        assertThat(messaging.settingsFor(Streams.NEWS_RAW).maxAttempts()).isEqualTo(5);
        assertThat(messaging.settingsFor(Streams.NEWS_RAW).retryBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(worker.settings().block()).isEqualTo(Duration.ofMillis(200));
        assertThat(worker.consumer()).startsWith("buy-executor-");
        assertThat(worker.state()).isEqualTo(WorkerState.RUNNING);

        String id = messaging.publisher(Streams.BUY_SIGNALS).publish(StreamTestSupport.buySignalJson(1));

        StreamTestSupport.await("handled", () -> app.handled.contains(id));
        assertThat(indicators).anySatisfy(i -> assertThat(i).isInstanceOf(StreamWorkersHealthIndicator.class));
        assertThat(indicators.stream().filter(StreamWorkersHealthIndicator.class::isInstance).findFirst()
                .orElseThrow().health().getStatus().getCode()).isEqualTo("UP");
    }
}
