package com.primejennie.buyscanner.evaluation;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.primejennie.buyscanner.bars.StockBars;
import com.primejennie.buyscanner.config.ScannerProperties.Thresholds;
import com.primejennie.shared.macro.TradingContext;
import com.primejennie.buyscanner.gates.RiskGateChain;
import com.primejennie.buyscanner.signal.DetectedSignal;
import com.primejennie.buyscanner.signal.SnapshotWriter;
import com.primejennie.buyscanner.strategies.StrategyBook;
import com.primejennie.buyscanner.strategies.StrategyCheck;
import com.primejennie.buyscanner.watchlist.Watchlist;
import com.primejennie.shared.domain.HotWatchlist;
import com.primejennie.shared.settings.RuntimeSettings;

/**
 * Evaluates one stock on one completed bar (spec §2.5–2.7): gathers the {@link EvaluationContext}, runs the
 * {@link RiskGateChain}, then the {@link StrategyBook} (only the conviction entry when only gates it may skip
 * failed), writes the snapshot and returns the detected signal, if any. Publishing, cooldown and confirmation are the
 * caller's.
 */
public final class StockEvaluator {

    private final RiskGateChain gates;
    private final StrategyBook strategies;
    private final SnapshotWriter snapshots;
    private final RuntimeSettings settings;
    private final Thresholds thresholds;
    private final Supplier<Optional<TradingContext>> macro;

    public StockEvaluator(RiskGateChain gates, StrategyBook strategies, SnapshotWriter snapshots,
                          RuntimeSettings settings, Thresholds thresholds,
                          Supplier<Optional<TradingContext>> macro) {
        this.gates = gates;
        this.strategies = strategies;
        this.snapshots = snapshots;
        this.settings = settings;
        this.thresholds = thresholds;
        this.macro = macro;
    }

    public Evaluation evaluate(String code, HotWatchlist.Stock stock, Watchlist watchlist, StockBars bars,
                               double tickPrice, ZonedDateTime now) {
        EvaluationContext ctx = new EvaluationContext(code, stock, watchlist.marketRegime(), tickPrice,
                bars.recent(thresholds.recentBars()), bars.vwap(), bars.volumeRatio(), now,
                macro.get().orElse(null), watchlist.entry(code).orElse(null), watchlist.foreignNetBuys(code),
                settings, thresholds);
        return evaluate(ctx);
    }

    /** Evaluates a prepared context (the table-driven tests' entry point). */
    public Evaluation evaluate(EvaluationContext ctx) {
        RiskGateChain.Outcome gateOutcome = gates.run(ctx);
        StrategyBook.Outcome outcome;
        if (gateOutcome.passed()) {
            outcome = strategies.run(ctx);
        } else if (gateOutcome.convictionMayRun()) {
            outcome = strategies.runConvictionOnly(ctx);
        } else {
            outcome = new StrategyBook.Outcome(List.of(), Optional.empty());
        }
        Optional<StrategyCheck> hit = outcome.hit();
        snapshots.write(ctx, gateOutcome.checks(), gateOutcome.passed(), outcome.checks(),
                hit.map(StrategyCheck::signalType).orElse(null));
        Optional<DetectedSignal> signal = hit.map(h -> new DetectedSignal(ctx.code(), ctx.name(), h.signalType(),
                h.reason(), ctx.tickPrice(), ctx.llmScore(), ctx.regime(), ctx.now().toInstant(), ctx.tradeTier(),
                ctx.macro()));
        return new Evaluation(gateOutcome.failedGate(), signal);
    }
}
