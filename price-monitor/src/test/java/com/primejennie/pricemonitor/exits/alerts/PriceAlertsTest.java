package com.primejennie.pricemonitor.exits.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.primejennie.shared.notify.Notifier;
import com.primejennie.shared.testing.RealServices;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Price alerts on live ticks, on the real Redis the bot writes them to (spec §1.10, control §1.4). */
class PriceAlertsTest {

    LettuceConnectionFactory factory;
    StringRedisTemplate redis;
    final List<String> sent = new ArrayList<>();
    final Notifier notifier = text -> {
        sent.add(text);
        return true;
    };

    @BeforeEach
    void connect() {
        var endpoint = RealServices.redis();
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(endpoint.host(), endpoint.port());
        config.setDatabase(endpoint.database());
        factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        var keys = redis.keys("price_alert:*");
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
    }

    @AfterEach
    void close() {
        factory.destroy();
    }

    void botSets(String code, int target, String type) {
        redis.opsForValue().set("price_alert:" + code, "{\"stock_code\": \"" + code + "\", \"stock_name\": \"삼성전자\", "
                + "\"target_price\": " + target + ", \"alert_type\": \"" + type + "\", \"created_at\": "
                + "\"2026-03-04T01:00:00+00:00\", \"triggered\": false}");
    }

    @ParameterizedTest(name = "{1} {0}: tick {2} fires={3}")
    @CsvSource({
            "72000, above, 71900, false",
            "72000, above, 72000, true",
            "72000, above, 72100, true",
            "70000, below, 70100, false",
            "70000, below, 70000, true",
            "70000, below, 69900, true"})
    void firesAtTheTargetAndNotOneTickBefore(int target, String type, double tick, boolean fires) {
        botSets("005930", target, type);
        PriceAlerts alerts = new PriceAlerts(redis, notifier);
        assertThat(alerts.refresh()).isEqualTo(1);

        assertThat(alerts.onTick("005930", tick).isPresent()).as("fires").isEqualTo(fires);
        assertThat(sent).hasSize(fires ? 1 : 0);
        assertThat(redis.hasKey("price_alert:005930")).isEqualTo(!fires);
    }

    @Test
    void reachedAlertFiresOnceWithTheSpecMessageAndIsDeleted() {
        botSets("005930", 72000, "above");
        PriceAlerts alerts = new PriceAlerts(redis, notifier);
        alerts.refresh();

        assertThat(alerts.onTick("005930", 72_300)).isPresent();
        assertThat(alerts.onTick("005930", 72_400)).isEmpty();
        alerts.refresh();
        assertThat(alerts.onTick("005930", 72_500)).isEmpty();

        assertThat(sent).containsExactly("⏰ *가격 알림 도달*\n삼성전자 (005930)\n목표가: 72,000원 ⬆️ 이상\n현재가: 72,300원");
        assertThat(redis.hasKey("price_alert:005930")).isFalse();
    }

    @Test
    void twoMonitorsSeeingTheSameTickSendOneMessage() {
        botSets("005930", 70000, "below");
        PriceAlerts first = new PriceAlerts(redis, notifier);
        PriceAlerts second = new PriceAlerts(redis, notifier);
        first.refresh();
        second.refresh();

        first.onTick("005930", 69_000);
        second.onTick("005930", 69_000);

        assertThat(sent).hasSize(1);
    }

    @Test
    void anAlertTheBotReplacedIsNotFiredWithTheOldTarget() {
        botSets("005930", 70000, "below");
        PriceAlerts alerts = new PriceAlerts(redis, notifier);
        alerts.refresh();
        botSets("005930", 65000, "below"); // /alert again before the next re-read

        assertThat(alerts.onTick("005930", 69_000)).isEmpty();
        assertThat(sent).isEmpty();
        alerts.refresh();
        assertThat(alerts.onTick("005930", 69_000)).isEmpty();
        assertThat(alerts.onTick("005930", 65_000)).isPresent();
        assertThat(sent).hasSize(1).allMatch(m -> m.contains("65,000원 ⬇️ 이하"));
    }

    @Test
    void otherStocksTriggeredAndUnreadableAlertsDoNotFire() {
        botSets("000660", 100, "above");
        redis.opsForValue().set("price_alert:035420", "{\"target_price\": 1, \"alert_type\": \"above\", "
                + "\"triggered\": true}");
        redis.opsForValue().set("price_alert:035720", "not json");
        PriceAlerts alerts = new PriceAlerts(redis, notifier);

        assertThat(alerts.refresh()).isEqualTo(1);
        assertThat(alerts.onTick("005930", 1_000_000)).isEmpty();
        assertThat(alerts.onTick("035420", 1_000_000)).isEmpty();
        assertThat(alerts.onTick("035720", 1_000_000)).isEmpty();
        assertThat(sent).isEmpty();
    }
}
