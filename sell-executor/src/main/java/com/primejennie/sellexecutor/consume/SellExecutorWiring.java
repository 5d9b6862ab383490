package com.primejennie.sellexecutor.consume;

import com.primejennie.sellexecutor.cooldown.StopLossCooldown;
import com.primejennie.shared.domain.SellOrder;
import com.primejennie.shared.domain.TradingFlag;
import com.primejennie.shared.kis.Holding;
import com.primejennie.shared.kis.KisClient;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.StreamMessaging;
import com.primejennie.shared.messaging.TradingSignalWorker;
import com.primejennie.shared.notify.Notifier;
import com.primejennie.shared.orders.OrderService;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingKeys;
import com.primejennie.shared.settings.SettingUnavailableException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The sell-executor's worker: {@code stream:sell-orders}, group {@code group_sell_executor}, one entry at a time
 * (the messaging default for this stream), each through {@link SellOrderHandler}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "jennie.sell-executor.enabled", matchIfMissing = true)
public class SellExecutorWiring {

    private static final Logger log = LoggerFactory.getLogger(SellExecutorWiring.class);

    public static final String GROUP = "group_sell_executor";

    @Bean
    SellOrderHandler sellOrderHandler(OrderService orders, KisClient kis, StringRedisTemplate redis,
                                      MarketClock clock, RuntimeSettings settings, Notifier notifier) {
        return new SellOrderHandler(orders,
                code -> kis.balance().holdings().stream().filter(h -> h.code().equals(code))
                        .mapToLong(Holding::quantity).sum(),
                () -> emergencyStop(redis),
                new StopLossCooldown(redis, clock), cooldownDays(settings),
                code -> redis.delete(List.of("high_watermark:" + code, "scale_out:" + code, "profit_floor:" + code,
                        "rsi_sold:" + code)),
                notifier, d -> Thread.sleep(d.toMillis()), SellOrderHandler.Policy.defaults());
    }

    @Bean
    TradingSignalWorker<SellOrder> sellOrderWorker(StreamMessaging messaging, SellOrderHandler handler) {
        return messaging.worker(SellOrder.STREAM, GROUP, SellOrder.class, handler);
    }

    /**
     * STOPLOSS_COOLDOWN_DAYS, read after a fill: a CONFIG table that cannot be read (MariaDB down, nothing cached yet)
     * must not lose the cooldown of a sale that happened, so the last value read, else the registry default, applies.
     */
    static IntSupplier cooldownDays(RuntimeSettings settings) {
        AtomicInteger last = new AtomicInteger(SettingKeys.STOPLOSS_COOLDOWN_DAYS.defaultValue());
        return () -> {
            try {
                last.set(settings.get(SettingKeys.STOPLOSS_COOLDOWN_DAYS));
            } catch (SettingUnavailableException e) {
                log.warn("STOPLOSS_COOLDOWN_DAYS not readable ({}), using {}", e.getMessage(), last.get());
            }
            return last.get();
        };
    }

    /** Unknown (Redis unreachable) → not stopped: exits are kept (BRIEF: fail closed for buys, keep exits). */
    static boolean emergencyStop(StringRedisTemplate redis) {
        try {
            return TradingFlag.parse(redis.opsForValue().get(TradingFlag.STOP_KEY)).isSet();
        } catch (RuntimeException e) {
            log.warn("trading:stop not readable, automatic sells continue: {}", e.toString());
            return false;
        }
    }
}
