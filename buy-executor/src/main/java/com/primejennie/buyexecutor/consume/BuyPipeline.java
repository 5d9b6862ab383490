package com.primejennie.buyexecutor.consume;

import com.primejennie.buyexecutor.guards.BuySettings;
import com.primejennie.buyexecutor.guards.Correlation;
import com.primejennie.buyexecutor.guards.Diversification;
import com.primejennie.buyexecutor.guards.Exposure;
import com.primejennie.buyexecutor.guards.PortfolioGuard;
import com.primejennie.buyexecutor.guards.RegimePreset;
import com.primejennie.buyexecutor.guards.SectorClassifier;
import com.primejennie.buyexecutor.notify.BuyMessage;
import com.primejennie.buyexecutor.order.OrderPlan;
import com.primejennie.buyexecutor.order.OrderPlanner;
import com.primejennie.buyexecutor.sizing.AtrCalculator;
import com.primejennie.buyexecutor.sizing.AtrRiskParitySizer;
import com.primejennie.buyexecutor.sizing.StaleScoreMultiplier;
import com.primejennie.shared.domain.BuyCandidate;
import com.primejennie.shared.domain.BuySignal;
import com.primejennie.shared.domain.KeyMetrics;
import com.primejennie.shared.domain.RiskSetting;
import com.primejennie.shared.kis.OrderSide;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TradingCalendar;
import com.primejennie.shared.notify.Notifier;
import com.primejennie.shared.orders.OpenExposure;
import com.primejennie.shared.orders.OrderRecord;
import com.primejennie.shared.orders.OrderService;
import com.primejennie.shared.orders.OrderState;
import com.primejennie.shared.orders.OrderTicket;
import com.primejennie.shared.orders.OrderType;
import com.primejennie.shared.persistence.Position;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.trading.DryRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The buy decision (spec buy-path §3.2–§3.7): flags → preset → daily/portfolio limits → holding and duplicate checks
 * → score floor → stale score → halts → per-stock lock → cash → ATR → correlation → sizing → portfolio guard →
 * diversification → market/limit → order service. Every exposure read counts orders in flight, and the whole decision
 * runs under one lock shared by every executor, so two executors cannot both pass the same cap. It decides whether
 * and how much; the order service owns the order, fills, TRADELOG and ACTIVE_PORTFOLIO.
 */
public final class BuyPipeline {

    private static final Logger log = LoggerFactory.getLogger(BuyPipeline.class);

    public static final double HARD_FLOOR_SCORE = 40.0;
    public static final Duration DUPLICATE_WINDOW = Duration.ofSeconds((long) (0.17 * 3600));
    public static final Duration SELL_COOLDOWN = Duration.ofHours(24);
    public static final String SOURCE = "buy-executor";

    private final BuyPorts.Flags flags;
    private final BuyPorts.Portfolio portfolio;
    private final BuyPorts.Locks locks;
    private final BuyPorts.Market market;
    private final BuyPorts.SellState sellState;
    private final OrderService orders;
    private final RuntimeSettings settings;
    private final DryRun dryRun;
    private final Notifier notifier;
    private final MarketClock clock;
    private final TradingCalendar calendar;
    private final boolean mockMode;

    public BuyPipeline(BuyPorts.Flags flags, BuyPorts.Portfolio portfolio, BuyPorts.Locks locks,
                       BuyPorts.Market market, BuyPorts.SellState sellState, OrderService orders,
                       RuntimeSettings settings, DryRun dryRun, Notifier notifier, MarketClock clock,
                       TradingCalendar calendar, boolean mockMode) {
        this.flags = flags;
        this.portfolio = portfolio;
        this.locks = locks;
        this.market = market;
        this.sellState = sellState;
        this.orders = orders;
        this.settings = settings;
        this.dryRun = dryRun;
        this.notifier = notifier;
        this.clock = clock;
        this.calendar = calendar;
        this.mockMode = mockMode;
    }

    /** Decides and, when every guard passes, submits one buy. Never throws for a guard; errors come back as such. */
    public BuyOutcome process(BuyRequest request) {
        BuySignal signal = request.signal();
        try {
            if (flags.stopActive()) {
                return BuyOutcome.skipped("Emergency Stop Active");
            }
            if (flags.pauseActive() && !signal.isManual()) {
                return BuyOutcome.skipped("Trading Paused");
            }
        } catch (RuntimeException e) {
            log.warn("trading flags unreadable, buy skipped (fail closed): {}", e.toString());
            return BuyOutcome.skipped("Trading flags unreadable: " + e.getMessage());
        }
        if (signal.candidates().isEmpty()) {
            return BuyOutcome.skipped("No candidates");
        }
        String regime = signal.marketRegime() == null || signal.marketRegime().isBlank() ? "UNKNOWN"
                : signal.marketRegime();
        RegimePreset preset = RegimePreset.named(
                signal.strategyPreset() == null ? null : signal.strategyPreset().name(), regime);
        BuySettings cfg = BuySettings.read(settings, preset, regime);
        try {
            return locks.serialised(() -> decide(request, regime, cfg));
        } catch (RedisBuyLocks.DecisionLockUnavailableException e) {
            log.warn("buy decision refused: {}", e.getMessage());
            return BuyOutcome.skipped("Decision lock unavailable");
        }
    }

    private BuyOutcome decide(BuyRequest request, String regime, BuySettings cfg) {
        BuySignal signal = request.signal();
        List<Position> holdings;
        OpenExposure open;
        int buysToday;
        LocalDateTime nowUtc = clock.nowUtcNaive();
        try {
            holdings = portfolio.holdings().stream().filter(p -> p.quantity() > 0).toList();
            open = orders.openExposure();
            LocalDateTime dayStartUtc = LocalDateTime.ofInstant(
                    clock.today().atStartOfDay(MarketClock.KST).toInstant(), ZoneOffset.UTC);
            buysToday = Math.max(open.buyOrdersToday(), portfolio.distinctBuysSince(dayStartUtc));
        } catch (RuntimeException e) {
            log.warn("safety reads failed, buy skipped (fail closed): {}", e.toString());
            return BuyOutcome.skipped("Safety check failed: " + e.getMessage());
        }
        if (buysToday >= cfg.maxBuyCountPerDay()) {
            return BuyOutcome.skipped("Daily buy limit reached: " + buysToday + "/" + cfg.maxBuyCountPerDay());
        }
        Set<String> owned = new LinkedHashSet<>();
        holdings.forEach(p -> owned.add(p.stockCode()));
        open.openBuys().forEach(b -> owned.add(b.code()));
        if (owned.size() >= cfg.maxPortfolioSize()) {
            return BuyOutcome.skipped("Portfolio size limit reached");
        }
        List<BuyCandidate> remaining = signal.candidates().stream()
                .filter(c -> !owned.contains(c.effectiveCode())).toList();
        if (remaining.isEmpty()) {
            return BuyOutcome.skipped("All candidates already held");
        }
        for (BuyCandidate c : remaining) {
            if (portfolio.boughtSince(c.effectiveCode(), nowUtc.minus(DUPLICATE_WINDOW))) {
                return BuyOutcome.skipped("Duplicate order detected for " + c.effectiveCode());
            }
            if (portfolio.soldSince(c.effectiveCode(), nowUtc.minus(SELL_COOLDOWN))) {
                return BuyOutcome.skipped("Cooldown active (Sold within 24h): " + c.effectiveCode());
            }
        }
        BuyCandidate pick = remaining.stream()
                .max(Comparator.comparingDouble(c -> c.llmScore() == null ? 0.0 : c.llmScore())).orElseThrow();
        String code = pick.effectiveCode();
        double llmScore = pick.llmScore() == null ? 0.0 : pick.llmScore();
        String tier = pick.tradeTier() != null ? pick.tradeTier()
                : Boolean.FALSE.equals(pick.isTradable()) ? "TIER2" : "TIER1";
        if (llmScore < HARD_FLOOR_SCORE) {
            return BuyOutcome.skipped("Score below hard floor");
        }
        String scoredAt = pick.effectiveLlmScoredAt() != null ? pick.effectiveLlmScoredAt() : signal.llmScoredAt();
        double staleMult = StaleScoreMultiplier.multiplier(
                StaleScoreMultiplier.tradingDaysSince(scoredAt, clock, calendar));
        Optional<String> block = orders.safety().buyBlock(code);
        if (block.isPresent()) {
            return BuyOutcome.skipped(block.get());
        }
        try {
            if (!locks.tryStockLock(code)) {
                return BuyOutcome.skipped("Duplicate lock active: " + code);
            }
        } catch (RuntimeException e) {
            return BuyOutcome.skipped("Redis lock failure");
        }
        long cash;
        try {
            cash = Math.max(0, market.orderableCash() - open.openAmount());
        } catch (RuntimeException e) {
            log.warn("cash unavailable, buy of {} skipped: {}", code, e.toString());
            return BuyOutcome.skipped("Cash balance unavailable: " + e.getMessage());
        }
        RiskSetting risk = pick.riskSetting() != null ? pick.riskSetting() : signal.riskSetting();
        double price = pick.currentPrice() == null ? 0 : pick.currentPrice();
        if (price <= 0) {
            OptionalLong quoted = OptionalLong.empty();
            try {
                quoted = market.currentPrice(code);
            } catch (RuntimeException e) {
                log.warn("price of {} unavailable: {}", code, e.toString());
            }
            if (quoted.isEmpty() || quoted.getAsLong() <= 0) {
                return BuyOutcome.error("Failed to get current price");
            }
            price = quoted.getAsLong();
        }
        double atr = atr(code, price, cfg);

        List<Exposure> exposures = new ArrayList<>();
        for (Position p : holdings) {
            String fine = fineSector(p.stockCode(), p.stockName());
            exposures.add(new Exposure(p.stockCode(), fine, SectorClassifier.group(fine),
                    p.quantity() * p.averageBuyPrice().doubleValue()));
        }
        for (OpenExposure.OpenBuy b : open.openBuys()) {
            String fine = fineSector(b.code(), "");
            exposures.add(new Exposure(b.code(), fine, SectorClassifier.group(fine), b.openAmount()));
        }
        double portfolioValue = exposures.stream().mapToDouble(Exposure::value).sum();
        double total = cash + portfolioValue;

        double corrAdj = 1.0;
        if (cfg.correlationCheck() && !holdings.isEmpty()) {
            try {
                double maxAbs = maxCorrelation(code, holdings);
                if (!Double.isNaN(maxAbs) && maxAbs >= cfg.correlationBlock()) {
                    return BuyOutcome.skipped(String.format(java.util.Locale.ROOT,
                            "High correlation (%.2f) with existing portfolio", maxAbs));
                }
                if (cfg.correlationAdjust()) {
                    corrAdj = Correlation.adjustment(maxAbs);
                }
            } catch (RuntimeException e) {
                log.warn("correlation of {} not computed: {}", code, e.toString());
            }
        }

        Integer manual = pick.manualQuantity() != null ? pick.manualQuantity() : signal.manualQuantity();
        long qty;
        Map<String, Object> riskOut = riskMap(risk);
        if (manual != null) {
            qty = manual;
            if (qty <= 0) {
                return BuyOutcome.skipped("Invalid manual quantity");
            }
            if (!dryRun.isActive() && qty * price > cash) {
                return BuyOutcome.error("Insufficient cash for manual order");
            }
        } else {
            long base = AtrRiskParitySizer.baseQuantity(new AtrRiskParitySizer.Input(cash, portfolioValue, price,
                    atr, cfg.riskPerTradePct(), cfg.atrMultiplier(), cfg.cashKeepPct(), cfg.minQuantity(),
                    cfg.maxQuantity()));
            double ratio = risk == null || risk.positionSizeRatio() == null ? 1.0 : risk.positionSizeRatio();
            if ("TIER2".equals(tier) || "BLOCKED".equals(tier)) {
                // BLOCKED: the scout watches it but its judge did not pass it (hybrid < 75, no recon); the Python
                // executor sized it as TIER1 while its message said "TIER2 (Judge 미통과)" - sized as TIER2 here
                ratio *= cfg.tier2Mult();
            } else if ("RECON".equals(tier)) {
                ratio *= cfg.reconMult();
                riskOut.put("stop_loss_pct", cfg.reconStopLossPct());
                riskOut.put("recon_mode", true);
            }
            ratio *= corrAdj * staleMult;
            qty = AtrRiskParitySizer.applyRatio(base, ratio);
            if (qty <= 0) {
                return BuyOutcome.skipped("Position size too small");
            }
        }

        String fine = fineSector(code, pick.effectiveName());
        Optional<String> guard = PortfolioGuard.check(SectorClassifier.group(fine), qty * price, cash, total,
                exposures, safeBudget(), new PortfolioGuard.Limits(cfg.portfolioGuard(), cfg.maxSectorStocks(),
                        cfg.cashFloorPct()));
        if (guard.isPresent()) {
            return BuyOutcome.skipped(guard.get());
        }
        Diversification.Result div = Diversification.apply(fine, qty, price, cash, exposures, cfg.maxSectorPct(),
                cfg.maxPositionValuePct(), regime);
        if (!div.approved()) {
            return BuyOutcome.skipped(div.skipReason());
        }
        qty = div.quantity();

        OrderPlan plan;
        try {
            plan = OrderPlanner.plan(pick.buySignalType(), price, request.manualLimitPrice(),
                    cfg.momentumLimitOrders(), cfg.limitPremium(), cfg.limitTimeoutSec());
        } catch (IllegalArgumentException e) {
            return BuyOutcome.error(e.getMessage());
        }
        double stopPct = Math.round(-atr * cfg.atrMultiplier() / price * 10_000.0) / 10_000.0;
        riskOut.put("stop_loss_pct", stopPct);
        riskOut.put("atr_used", Math.round(atr));
        long signalPrice = Math.round(price);
        String intentKey = request.intentBase() + ":" + code;
        Map<String, Object> metrics = metrics(signal, pick, tier, llmScore, plan, riskOut, staleMult);
        metrics.put("stop_loss_price", Math.round(price * (1 + stopPct)));
        metrics.put("risk_level", cfg.riskLevel().settingValue());
        String reason = pick.llmReason() != null ? pick.llmReason()
                : signal.llmReason() != null ? signal.llmReason() : "";
        OrderTicket ticket = new OrderTicket(intentKey, SOURCE, code, pick.effectiveName(), OrderSide.BUY, qty,
                plan.limit() ? OrderType.LIMIT : OrderType.MARKET, plan.limitPrice(),
                plan.limit() ? plan.limitPrice() : signalPrice, plan.timeout(), reason,
                pick.buySignalType(), metrics, null);
        OrderRecord record = orders.submit(ticket);
        if (record.state() == OrderState.REJECTED) {
            return new BuyOutcome("error", "Order failed: " + record.reason(), code, pick.effectiveName(), intentKey,
                    record.orderNo(), record.state().name(), qty, signalPrice, qty * signalPrice,
                    false, staleMult);
        }
        boolean dry = record.state() == OrderState.DRY_RUN;
        try {
            sellState.reset(code);
        } catch (RuntimeException e) {
            log.warn("sell state of {} not reset: {}", code, e.toString());
        }
        if (claimFillNotice(intentKey)) {
            notifyBuy(new BuyMessage.Content(mockMode, dry, Boolean.TRUE.equals(pick.isSuperPrime()),
                    pick.effectiveName(), code, plan.limit() ? plan.limitPrice() : signalPrice, qty,
                    pick.buySignalType(), llmScore, tier, tier2Met(pick.keyMetricsDict()), plan.orderType(),
                    record.state().name()));
        }
        return new BuyOutcome("success", null, code, pick.effectiveName(), intentKey, record.orderNo(),
                record.state().name(), qty, signalPrice, qty * signalPrice, dry, staleMult);
    }

    /**
     * Whether this handler sends the buy's message: false when the order service's background settler already sent
     * the fill message (the order was completed while no handler watched it, e.g. the same intent re-requested after
     * an executor restart).
     */
    private boolean claimFillNotice(String intentKey) {
        try {
            return orders.claimFillNotice(intentKey);
        } catch (RuntimeException e) {
            log.warn("fill message claim of {} failed ({}); sending the message", intentKey, e.toString());
            return true;
        }
    }

    private void notifyBuy(BuyMessage.Content content) {
        try {
            notifier.send(BuyMessage.render(content));
        } catch (RuntimeException e) {
            log.warn("telegram send failed (trading goes on): {}", e.toString());
        }
    }

    private double atr(String code, double price, BuySettings cfg) {
        OptionalDouble value = OptionalDouble.empty();
        try {
            if (cfg.intradayAtr()) {
                value = AtrCalculator.intraday(market.minuteBars(code));
            }
            if (value.isEmpty()) {
                value = AtrCalculator.wilder(market.dailyBars(code, Math.max(60, 3 * cfg.atrPeriod())),
                        cfg.atrPeriod());
            }
        } catch (RuntimeException e) {
            log.warn("ATR of {} unavailable, 2% of price used: {}", code, e.toString());
        }
        return AtrCalculator.clamp(value, price);
    }

    private double maxCorrelation(String code, List<Position> holdings) {
        List<Double> mine = closes(code);
        double max = Double.NaN;
        for (Position p : holdings) {
            if (p.stockCode().equals(code)) {
                continue;
            }
            List<Double> theirs = closes(p.stockCode());
            if (theirs.size() < Correlation.MIN_POINTS) {
                continue;
            }
            double c = Correlation.absCorrelation(mine, theirs);
            if (!Double.isNaN(c) && (Double.isNaN(max) || c > max)) {
                max = c;
            }
        }
        return max;
    }

    private List<Double> closes(String code) {
        return market.dailyBars(code, 60).stream().map(AtrCalculator.Bar::close).toList();
    }

    private String fineSector(String code, String name) {
        try {
            return SectorClassifier.fineSector(market.master(code), name);
        } catch (RuntimeException e) {
            return SectorClassifier.byName(name);
        }
    }

    private Optional<com.primejennie.shared.domain.SectorBudget> safeBudget() {
        try {
            return market.sectorBudget();
        } catch (RuntimeException e) {
            log.warn("sector budget unreadable, MAX_SECTOR_STOCKS used: {}", e.toString());
            return Optional.empty();
        }
    }

    private static Map<String, Object> riskMap(RiskSetting risk) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (risk != null) {
            putIf(m, "position_size_ratio", risk.positionSizeRatio());
            putIf(m, "stop_loss_multiplier", risk.stopLossMultiplier());
            putIf(m, "risk_off_level", risk.riskOffLevel());
            putIf(m, "vix_regime", risk.vixRegime());
            putIf(m, "stop_loss_pct", risk.stopLossPct());
            putIf(m, "macro_source", risk.macroSource());
        }
        return m;
    }

    private static void putIf(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private Map<String, Object> metrics(BuySignal signal, BuyCandidate pick, String tier, double llmScore,
                                        OrderPlan plan, Map<String, Object> risk, double staleMult) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("factor_score", pick.factorScore() == null ? 500.0 : pick.factorScore());
        m.put("is_dry_run", dryRun.isActive());
        m.put("risk_setting", risk);
        m.put("tier", tier);
        m.put("llm_score", llmScore);
        m.put("buy_signal_type", pick.buySignalType());
        m.put("order_type", plan.orderType());
        m.put("limit_price", plan.limit() ? plan.limitPrice() : null);
        m.put("scan_timestamp", signal.scanTimestamp());
        m.put("execution_started_at", clock.instant().toString());
        m.put("stale_multiplier", staleMult);
        m.put("market_regime", signal.marketRegime());
        m.put("source", signal.source());
        return m;
    }

    private static List<String> tier2Met(KeyMetrics metrics) {
        List<String> met = new ArrayList<>();
        if (metrics != null && metrics.tier2ConditionsMet() != null && metrics.tier2ConditionsMet().isArray()) {
            metrics.tier2ConditionsMet().forEach(n -> met.add(n.asString()));
        }
        return met;
    }
}
