package com.primejennie.buyexecutor.consume;

import com.primejennie.buyexecutor.sizing.AtrCalculator;
import com.primejennie.shared.domain.SectorBudget;
import com.primejennie.shared.domain.TradingFlag;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.kis.KisComponents;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.messaging.StreamMessaging;
import com.primejennie.shared.messaging.Streams;
import com.primejennie.shared.messaging.TradingSignalWorker;
import com.primejennie.shared.notify.Notifier;
import com.primejennie.shared.orders.OrderService;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.DailyPriceRepository;
import com.primejennie.shared.persistence.Position;
import com.primejennie.shared.persistence.StockMasterEntry;
import com.primejennie.shared.persistence.StockMasterRepository;
import com.primejennie.shared.persistence.TradeLogRepository;
import com.primejennie.shared.persistence.TradeType;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.trading.DryRun;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Wires the buy pipeline to Redis (flags, locks, sector budget, sell state), MariaDB (ACTIVE_PORTFOLIO, TRADELOG,
 * STOCK_MASTER, STOCK_DAILY_PRICES_3Y), KIS (cash, price, minute chart) and the order service, and starts the
 * {@code stream:buy-signals} worker.
 */
@Configuration(proxyBeanMethods = false)
public class BuyPortsConfiguration {

    /** Sell-side keys deleted after a buy (spec buy-path §1.2). */
    static final List<String> SELL_STATE_PREFIXES = List.of("high_watermark:", "scale_out:", "profit_floor:",
            "rsi_sold:");

    @Bean
    BuyPipeline buyPipeline(StringRedisTemplate redis, ActivePortfolioRepository portfolio,
                            TradeLogRepository tradeLog, StockMasterRepository masters, DailyPriceRepository prices,
                            KisComponents kis, OrderService orders, RuntimeSettings settings, DryRun dryRun,
                            Notifier notifier, MarketClock clock, TradingCalendar calendar,
                            @Value("${jennie.trading-mode:MOCK}") String tradingMode,
                            @Value("${jennie.buy-executor.decision-wait:PT5S}") Duration decisionWait) {
        return create(redis, portfolio, tradeLog, masters, prices, kis, orders, settings, dryRun, notifier, clock,
                calendar, tradingMode, decisionWait);
    }

    /** The pipeline on Redis, MariaDB, KIS and the order service (also used by the end-to-end tests). */
    public static BuyPipeline create(StringRedisTemplate redis, ActivePortfolioRepository portfolio,
                                     TradeLogRepository tradeLog, StockMasterRepository masters,
                                     DailyPriceRepository prices, KisComponents kis, OrderService orders,
                                     RuntimeSettings settings, DryRun dryRun, Notifier notifier, MarketClock clock,
                                     TradingCalendar calendar, String tradingMode, Duration decisionWait) {
        BuyPorts.Flags flags = new BuyPorts.Flags() {
            @Override
            public boolean stopActive() {
                return TradingFlag.parse(redis.opsForValue().get(TradingFlag.STOP_KEY)).value();
            }

            @Override
            public boolean pauseActive() {
                return TradingFlag.parse(redis.opsForValue().get(TradingFlag.PAUSE_KEY)).value();
            }
        };
        BuyPorts.Portfolio book = new BuyPorts.Portfolio() {
            @Override
            public List<Position> holdings() {
                return portfolio.findAll();
            }

            @Override
            public int distinctBuysSince(LocalDateTime fromUtc) {
                return (int) tradeLog.findSince(fromUtc).stream().filter(e -> e.tradeType() == TradeType.BUY)
                        .map(e -> e.stockCode()).distinct().count();
            }

            @Override
            public boolean boughtSince(String code, LocalDateTime sinceUtc) {
                return tradeLog.existsSince(code, TradeType.BUY, sinceUtc);
            }

            @Override
            public boolean soldSince(String code, LocalDateTime sinceUtc) {
                return tradeLog.existsSince(code, TradeType.SELL, sinceUtc);
            }
        };
        BuyPorts.Market market = new BuyPorts.Market() {
            @Override
            public long orderableCash() {
                return kis.client().orderableCash();
            }

            @Override
            public OptionalLong currentPrice(String code) {
                long p = kis.client().currentPrice(code).price();
                return p > 0 ? OptionalLong.of(p) : OptionalLong.empty();
            }

            @Override
            public List<AtrCalculator.Bar> minuteBars(String code) {
                return kis.client().minuteChart(code, clock.now().toLocalTime()).stream()
                        .map(b -> new AtrCalculator.Bar(b.high(), b.low(), b.close())).toList();
            }

            @Override
            public List<AtrCalculator.Bar> dailyBars(String code, int count) {
                return prices.findLatest(code, count).stream()
                        .map(b -> new AtrCalculator.Bar(b.highPrice(), b.lowPrice(), b.closePrice())).toList();
            }

            @Override
            public Optional<StockMasterEntry> master(String code) {
                return masters.find(code);
            }

            @Override
            public Optional<SectorBudget> sectorBudget() {
                String raw = redis.opsForValue().get(SectorBudget.KEY);
                return raw == null ? Optional.empty()
                        : Optional.of(WireJson.mapper().readValue(raw, SectorBudget.class));
            }
        };
        BuyPorts.SellState sellState = code -> redis.delete(SELL_STATE_PREFIXES.stream().map(p -> p + code)
                .toList());
        RedisBuyLocks locks = new RedisBuyLocks(redis, Duration.ofSeconds(180), Duration.ofSeconds(30),
                decisionWait);
        return new BuyPipeline(flags, book, locks, market, sellState, orders, settings, dryRun, notifier, clock,
                calendar, "MOCK".equalsIgnoreCase(tradingMode));
    }

    @Bean
    BuySignalHandler buySignalHandler(BuyPipeline pipeline) {
        return new BuySignalHandler(pipeline);
    }

    /** One worker on {@code stream:buy-signals}, group {@code group_buy_executor}; ACK before handling. */
    @Bean
    TradingSignalWorker<JsonNode> buySignalWorker(StreamMessaging messaging, BuySignalHandler handler) {
        return messaging.worker(Streams.BUY_SIGNALS, Streams.GROUP_BUY_EXECUTOR, handler::onMessage);
    }

}
