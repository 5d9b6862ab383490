package com.primejennie.pricemonitor.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.primejennie.shared.feed.ApprovalKeySource;
import com.primejennie.shared.feed.FeedAwait;
import com.primejennie.shared.feed.KisFrames;
import com.primejennie.shared.feed.KisRealtimeFeed;
import com.primejennie.shared.feed.TinyWebSocketServer;
import com.primejennie.shared.testing.AppContract;
import com.primejennie.shared.testing.RealServicesTest;

/** price-monitor runs the feed: it connects, publishes ticks to kis:prices, and health shows its state. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealServicesTest
class PriceMonitorFeedTest {

    static final TinyWebSocketServer kis;

    static {
        try {
            kis = new TinyWebSocketServer();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void feedAtStandIn(DynamicPropertyRegistry registry) {
        registry.add("jennie.feed.websocket-url", () -> kis.uri().toString());
        registry.add("jennie.feed.subscribe-pacing", () -> "0ms");
    }

    @TestConfiguration
    static class Keys {
        @Bean
        ApprovalKeySource testApprovalKey() {
            return forceNew -> "test-approval-key";
        }
    }

    @AfterAll
    static void stop() throws IOException {
        kis.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    KisRealtimeFeed feed;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void runsTheFeedAndShowsItsStateInHealth() throws Exception {
        FeedAwait.until("connected", () -> kis.connections() >= 1 && feed.status().state().equals("CONNECTED"),
                feed::status);
        kis.send(KisFrames.tradeFrame(KisFrames.trade("005930", "100000", 70100, 70500, 3, 3)));
        FeedAwait.until("tick published", () -> feed.status().ticks() == 1, feed::status);

        assertThat(redis.opsForStream().size("kis:prices")).isGreaterThanOrEqualTo(1L);
        String health = AppContract.get(port, "/actuator/health").body();
        assertThat(health).contains("\"feed\"").contains("\"state\":\"CONNECTED\"").contains("\"ticks\":1");
        assertThat(AppContract.get(port, "/actuator/prometheus").body()).contains("jennie_feed_ticks_total");
    }
}
