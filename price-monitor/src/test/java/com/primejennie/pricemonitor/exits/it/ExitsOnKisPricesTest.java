package com.primejennie.pricemonitor.exits.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.primejennie.pricemonitor.exits.engine.ExitsRuntime;
import com.primejennie.shared.domain.SellOrder;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.testing.RealServicesTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * price-monitor's exits in the running app against real Redis and MariaDB: a held position, a scripted fall on
 * {@code kis:prices} through the stop → exactly one SellOrder on {@code stream:sell-orders}.
 */
@SpringBootTest(properties = "jennie.feed.enabled=false")
@RealServicesTest
class ExitsOnKisPricesTest {

    @Autowired
    ActivePortfolioRepository portfolio;
    @Autowired
    ExitsRuntime runtime;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void scriptedFallThroughTheStopOnKisPricesQueuesExactlyOneSellOrder() throws Exception {
        portfolio.recordBuy("005930", "삼성전자", 100, 10_000, null);
        assertThat(runtime.refresh()).isTrue();
        Long before = redis.opsForStream().size(SellOrder.STREAM);
        long start = before == null ? 0 : before;
        for (int p : new int[] {9_800, 9_600, 9_401, 9_400, 9_300, 9_200}) {
            redis.opsForStream().add("kis:prices", Map.of("code", "005930", "price", Integer.toString(p)));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && size() - start < 1) {
            Thread.sleep(100);
        }
        Thread.sleep(1_000);
        assertThat(size() - start).as("exactly one sell order").isEqualTo(1);
        var entries = redis.opsForStream().range(SellOrder.STREAM,
                org.springframework.data.domain.Range.unbounded());
        assertThat(String.valueOf(entries.get(entries.size() - 1).getValue().get("payload"))).contains("\"stock_code\":\"005930\"")
                .contains("\"quantity\":100").contains("Fixed Stop Loss: -6.00% (Limit: -6.0%)");
        assertThat(redis.opsForValue().get("monitoring:price_monitor")).contains("\"watching_count\":");
    }

    private long size() {
        Long s = redis.opsForStream().size(SellOrder.STREAM);
        return s == null ? 0 : s;
    }
}
