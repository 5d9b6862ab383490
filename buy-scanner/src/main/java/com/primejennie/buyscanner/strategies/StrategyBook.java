package com.primejennie.buyscanner.strategies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.buyscanner.evaluation.EvaluationContext;
import com.primejennie.buyscanner.evaluation.Regimes;
import com.primejennie.shared.domain.HotWatchlist.StrategyRef;
import com.primejennie.shared.settings.SettingKey;
import com.primejennie.shared.settings.SettingKeys;

/**
 * The strategies in their order, with the regime enablement, flags and macro allow-list of each, in one place
 * (spec/buy-path.md §2.6 and spec/upstream-2026-02-18.md). The first that fires wins. A strategy that throws is
 * contained: logged with the stock, counted, recorded as a miss, and the next one runs.
 *
 * <pre>
 *  1 WATCHLIST_CONVICTION_ENTRY  any regime (its own rule)   ENABLE_WATCHLIST_CONVICTION_ENTRY (on)
 *  2 MOMENTUM_CONTINUATION_BULL  BULL/STRONG_BULL            ENABLE_MOMENTUM_CONTINUATION (on)
 *  3 SHORT_TERM_HIGH_BREAKOUT    BULL/STRONG_BULL            ENABLE_SHORT_TERM_HIGH_BREAKOUT (off), allow-list
 *  4 VOLUME_BREAKOUT_1MIN        BULL/STRONG_BULL            ENABLE_VOLUME_BREAKOUT_1MIN (off), allow-list
 *  5 BULL_PULLBACK               BULL/STRONG_BULL            ENABLE_BULL_PULLBACK (off)
 *  6 VCP_BREAKOUT                BULL/STRONG_BULL            ENABLE_VCP_BREAKOUT (off), allow-list
 *  7 INSTITUTIONAL_ENTRY         BULL/STRONG_BULL            ENABLE_INSTITUTIONAL_ENTRY (off)
 *  8 DIP_BUY                     every regime past the gates
 *  9 the watchlist's list, else GOLDEN_CROSS{5,20}, RSI_REBOUND{dynamic}, MOMENTUM{1.5}:
 *      GOLDEN_CROSS, MOMENTUM every regime; RSI_REBOUND, BB_LOWER not in bull; RSI_OVERSOLD and unknown ids ignored
 * </pre>
 * RECON_BULL_ENTRY is replaced by the conviction entry (upstream). The allow-list is checked only where the spec
 * checks it. BEAR/STRONG_BEAR never get here (regime gate).
 */
public final class StrategyBook {

    /** A strategy that a fatal problem was hit in; counted by the caller's meter. */
    @FunctionalInterface
    public interface FailureListener {
        void onFailure(String code, String strategy, RuntimeException error);
    }

    /** The checks made and the one that fired, if any. */
    public record Outcome(List<StrategyCheck> checks, Optional<StrategyCheck> hit) {
    }

    private record Slot(BuyStrategy strategy, SettingKey<Boolean> flag, String allowName,
                        Predicate<EvaluationContext> regime) {
    }

    private static final Logger log = LoggerFactory.getLogger(StrategyBook.class);

    private final BuyStrategy conviction = new WatchlistConvictionEntry();
    private final List<Slot> fixed;
    private final Map<String, BuyStrategy> listed;
    private final FailureListener failures;

    public StrategyBook(FailureListener failures) {
        this.failures = failures;
        Predicate<EvaluationContext> bull = EvaluationContext::bull;
        Predicate<EvaluationContext> any = ctx -> true;
        this.fixed = List.of(
                new Slot(conviction, SettingKeys.ENABLE_WATCHLIST_CONVICTION_ENTRY, null, any),
                new Slot(new MomentumContinuationBull(), SettingKeys.ENABLE_MOMENTUM_CONTINUATION, null, bull),
                new Slot(new ShortTermHighBreakout(), SettingKeys.ENABLE_SHORT_TERM_HIGH_BREAKOUT,
                        "SHORT_TERM_HIGH_BREAKOUT", bull),
                new Slot(new VolumeBreakout1Min(), SettingKeys.ENABLE_VOLUME_BREAKOUT_1MIN, "VOLUME_BREAKOUT_1MIN",
                        bull),
                new Slot(new BullPullback(), SettingKeys.ENABLE_BULL_PULLBACK, null, bull),
                new Slot(new VcpBreakout(), SettingKeys.ENABLE_VCP_BREAKOUT, "VCP_BREAKOUT", bull),
                new Slot(new InstitutionalEntry(), SettingKeys.ENABLE_INSTITUTIONAL_ENTRY, null, bull),
                new Slot(new DipBuy(), null, null, any));
        this.listed = Map.of(
                GoldenCross.ID, new GoldenCross(),
                RsiRebound.ID, new RsiRebound(),
                BollingerLower.ID, new BollingerLower(),
                Momentum.ID, new Momentum());
    }

    /** The strategy list when the watchlist gives none (spec §2.6 C), with RSI_REBOUND's regime threshold. */
    public static List<StrategyRef> defaultList(EvaluationContext ctx) {
        var t = ctx.thresholds();
        double rsi = Regimes.isBull(ctx.regime()) ? t.rsiThresholdBull()
                : Regimes.isSideways(ctx.regime()) ? t.rsiThresholdSideways() : t.rsiThresholdOther();
        return List.of(
                new StrategyRef(GoldenCross.ID, Map.of("short", t.goldenCrossShort(), "long", t.goldenCrossLong())),
                new StrategyRef(RsiRebound.ID, Map.of("threshold", rsi)),
                new StrategyRef(Momentum.ID, Map.of("threshold", t.defaultListMomentumThreshold())));
    }

    /** Runs every strategy in order until one fires. */
    public Outcome run(EvaluationContext ctx) {
        List<StrategyCheck> checks = new ArrayList<>();
        for (Slot slot : fixed) {
            if (slot.flag() != null && !ctx.settings().get(slot.flag())) {
                continue;
            }
            if (!slot.regime().test(ctx)) {
                continue;
            }
            if (slot.allowName() != null && ctx.macro() != null && !ctx.macro().allows(slot.allowName())) {
                checks.add(StrategyCheck.miss(slot.strategy().id(), "not allowed by the macro context"));
                continue;
            }
            StrategyCheck check = safely(slot.strategy(), ctx, Map.of());
            checks.add(check);
            if (check.triggered()) {
                return new Outcome(checks, Optional.of(check));
            }
        }
        List<StrategyRef> list = ctx.stock().strategies().isEmpty() ? defaultList(ctx) : ctx.stock().strategies();
        for (StrategyRef ref : list) {
            BuyStrategy strategy = listed.get(ref.id());
            if (strategy == null) {
                continue;
            }
            if (ctx.bull() && (ref.id().equals(RsiRebound.ID) || ref.id().equals(BollingerLower.ID))) {
                continue;
            }
            StrategyCheck check = safely(strategy, ctx, ref.params());
            checks.add(check);
            if (check.triggered()) {
                return new Outcome(checks, Optional.of(check));
            }
        }
        return new Outcome(checks, Optional.empty());
    }

    /** Only the conviction entry (when only gates it may skip failed). */
    public Outcome runConvictionOnly(EvaluationContext ctx) {
        if (!ctx.settings().get(SettingKeys.ENABLE_WATCHLIST_CONVICTION_ENTRY)) {
            return new Outcome(List.of(), Optional.empty());
        }
        StrategyCheck check = safely(conviction, ctx, Map.of());
        return new Outcome(List.of(check), check.triggered() ? Optional.of(check) : Optional.empty());
    }

    private StrategyCheck safely(BuyStrategy strategy, EvaluationContext ctx, Map<String, Object> params) {
        try {
            return strategy.evaluate(ctx, params);
        } catch (RuntimeException e) {
            log.error("strategy {} failed for {}: {}", strategy.id(), ctx.code(), e.toString(), e);
            failures.onFailure(ctx.code(), strategy.id(), e);
            return StrategyCheck.miss(strategy.id(), "error: " + e.getMessage());
        }
    }
}
