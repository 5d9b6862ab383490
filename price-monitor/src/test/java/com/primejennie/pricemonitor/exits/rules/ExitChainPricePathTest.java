package com.primejennie.pricemonitor.exits.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.primejennie.pricemonitor.exits.indicators.Indicators;
import com.primejennie.pricemonitor.exits.state.PositionExitState;
import com.primejennie.shared.persistence.DailyPrice;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The exit chain on deterministic price paths (spec §1.5, §1.6): each rule fires exactly at its threshold and not
 * one tick before, the first match wins, partial sells then a stop sells the rest.
 */
class ExitChainPricePathTest {

    static final ZoneId KST = ZoneId.of("Asia/Seoul");
    static final ZonedDateTime MIDDAY = ZonedDateTime.of(2026, 2, 12, 11, 0, 0, 0, KST);

    /** One fired signal: at which tick, the signal and the shares it sold. */
    record Fired(int tick, ExitSignal signal, long shares) {
    }

    /** Walks {@code path} through the chain the way the engine does: watermark, ladder, RSI flag, remaining qty. */
    static final class Walk {
        double buy = 10_000;
        long qty = 100;
        List<DailyPrice> bars = List.of();
        String regime = "SIDEWAYS";
        double macro = 1.0;
        int holdingDays = -1;
        ZonedDateTime now = MIDDAY;
        ExitThresholds t = ExitThresholds.defaults();

        List<Fired> run(double... path) {
            List<Fired> fired = new ArrayList<>();
            PositionExitState state = PositionExitState.fresh(buy);
            double atr = Indicators.atr14(bars);
            for (int i = 0; i < path.length && qty > 0; i++) {
                double price = path[i];
                state = state.withTick(buy, price);
                double[] closes = new double[bars.size() + 1];
                for (int k = 0; k < bars.size(); k++) {
                    closes[k] = bars.get(k).closePrice();
                }
                closes[bars.size()] = price;
                double rsi = bars.size() >= 15 ? Indicators.rsi14(closes) : Double.NaN;
                ExitContext c = new ExitContext("005930", "삼성전자", buy, price, qty, state.highPrice(), atr, rsi,
                        bars.size() >= 20 ? closes : null, state.scaleOutLevel(), state.rsiSold(), regime, now,
                        macro, false, false, holdingDays, t);
                Optional<ExitSignal> s = ExitChain.standard().evaluate(c);
                if (s.isPresent()) {
                    long shares = s.get().quantityOf(qty);
                    fired.add(new Fired(i, s.get(), shares));
                    if (s.get().scaleOutLevel() > 0) {
                        state = state.withScaleOutLevel(s.get().scaleOutLevel());
                    }
                    if (s.get().marksRsiSold()) {
                        state = state.withRsiSold();
                    }
                    qty = s.get().isFullExit() ? 0 : qty - shares;
                }
            }
            return fired;
        }
    }

    static Walk walk(UnaryOperator<Walk> setup) {
        return setup.apply(new Walk());
    }

    /** 30 daily bars closing at 10 000 whose true range is {@code range} (ATR = range). */
    static List<DailyPrice> flatBars(long range) {
        List<DailyPrice> bars = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            bars.add(new DailyPrice("005930", LocalDate.of(2026, 1, 1).plusDays(i), 10_000, 10_000 + range / 2,
                    10_000 - range / 2, 10_000, 1000));
        }
        return bars;
    }

    /**
     * 30 daily bars falling 10 KRW a day to a last close of 10 000 with true range {@code range} (ATR = range); SMA5
     * is already below SMA20, so no death cross interferes with the stop tests.
     */
    static List<DailyPrice> fallingBars(long range) {
        List<DailyPrice> bars = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long close = 10_000 + (29 - i) * 10L;
            bars.add(new DailyPrice("005930", LocalDate.of(2026, 1, 1).plusDays(i), close, close + range / 2,
                    close - range / 2, close, 1000));
        }
        return bars;
    }

    static void assertOnlyFiresAtLastTick(List<Fired> fired, int lastTick, String kind, String reason) {
        assertThat(fired).hasSize(1);
        assertThat(fired.get(0).tick()).as("fires at the threshold tick, not one before").isEqualTo(lastTick);
        assertThat(fired.get(0).signal().kind()).isEqualTo(kind);
        assertThat(fired.get(0).signal().reason()).isEqualTo(reason);
    }

    @Test
    void fixedStopLossFiresAtMinusSixPercentInclusiveNotOneWonBefore() {
        List<Fired> f = walk(w -> w).run(9_500, 9_401, 9_400);
        assertOnlyFiresAtLastTick(f, 2, "STOP_LOSS", "Fixed Stop Loss: -6.00% (Limit: -6.0%)");
        assertThat(f.get(0).shares()).isEqualTo(100);
    }

    @Test
    void positiveStopLossSettingIsNegatedAndMacroAboveOneWidensIt() {
        List<Fired> f = walk(w -> {
            w.t = new ExitThresholds(2.0, 6.0, true, 5.0, 3.0, 3.5, true, 75.0, 3.0, 10.0, 30, false, 5, -5.0,
                    -10.0, 500_000, 50);
            w.macro = 1.5;
            return w;
        }).run(9_400, 9_101, 9_100);
        assertOnlyFiresAtLastTick(f, 2, "STOP_LOSS", "Fixed Stop Loss: -9.00% (Limit: -9.0%)");
    }

    @Test
    void atrStopIsStrictlyBelowBuyMinusTwoAtr() {
        List<Fired> f = walk(w -> {
            w.bars = fallingBars(250);
            return w;
        }).run(9_700, 9_500, 9_499);
        assertOnlyFiresAtLastTick(f, 2, "ATR_STOP", "ATR Stop (Price 9,499 < 9,500)");
    }

    @Test
    void atrStopAppliesMacroMultiplierEvenBelowOne() {
        List<Fired> f = walk(w -> {
            w.bars = fallingBars(250);
            w.macro = 0.9;
            return w;
        }).run(9_600, 9_550, 9_549);
        assertOnlyFiresAtLastTick(f, 2, "ATR_STOP", "ATR Stop (Price 9,549 < 9,550)");
    }

    @Test
    void atrStopBeatsFixedStopWhenTighterAndFixedStopWinsAtEqualPrice() {
        List<Fired> f = walk(w -> {
            w.bars = fallingBars(300);
            return w;
        }).run(9_401, 9_400);
        assertOnlyFiresAtLastTick(f, 1, "STOP_LOSS", "Fixed Stop Loss: -6.00% (Limit: -6.0%)");
    }

    @Test
    void profitLockL1FiresBelowHalfPercentAfterThreePercentHighWithoutAtr() {
        List<Fired> f = walk(w -> w).run(10_300, 10_050, 10_049);
        assertOnlyFiresAtLastTick(f, 2, "PROFIT_LOCK_L1", "Profit Lock L1 (High 3.0% >= 3.0%, Now 0.5% < 0.5%)");
    }

    @Test
    void profitLockL2FiresBelowOneAndHalfPercentAfterFivePercentHigh() {
        List<Fired> f = walk(w -> w).run(10_500, 10_150, 10_149);
        assertOnlyFiresAtLastTick(f, 2, "PROFIT_LOCK_L2", "Profit Lock L2 (High 5.0% >= 5.0%, Now 1.5% < 1.5%)");
    }

    @Test
    void profitLockWinsOverFixedStopBecauseItComesFirst() {
        List<Fired> f = walk(w -> w).run(10_300, 9_400);
        assertOnlyFiresAtLastTick(f, 1, "PROFIT_LOCK_L1", "Profit Lock L1 (High 3.0% >= 3.0%, Now -6.0% < 0.5%)");
    }

    @Test
    void trailingTakeProfitFiresAtHighMinusThreeAndHalfPercent() {
        List<Fired> f = walk(w -> w).run(10_800, 10_423, 10_422);
        assertOnlyFiresAtLastTick(f, 2, "TRAILING_TP",
                "Trailing TP: High 10,800 (-3.5%) → Stop 10,422 (Profit: 4.2%)");
    }

    @Test
    void trailingTakeProfitIsNotArmedOneWonBelowActivation() {
        assertThat(walk(w -> w).run(10_499, 10_100)).isEmpty();
    }

    @Test
    void fixedTargetOnlyWhenTrailingIsDisabled() {
        List<Fired> f = walk(w -> {
            w.t = new ExitThresholds(2.0, -6.0, false, 5.0, 3.0, 3.5, true, 75.0, 3.0, 10.0, 30, false, 5, -5.0,
                    -10.0, 500_000, 50);
            return w;
        }).run(10_500, 10_999, 11_000);
        assertOnlyFiresAtLastTick(f, 2, "TARGET_PROFIT", "Target Profit: 10.00%");
        assertThat(walk(w -> w).run(10_500, 10_999, 11_000)).isEmpty();
    }

    @Test
    void rsiOverboughtSellsHalfOnceAtMinimumProfit() {
        List<Fired> f = walk(w -> {
            w.bars = flatBars(0);
            return w;
        }).run(10_299, 10_300, 10_310, 10_320);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).tick()).isEqualTo(1);
        assertThat(f.get(0).signal().reason()).isEqualTo("RSI Overbought (100.0, Profit: 3.0%)");
        assertThat(f.get(0).shares()).isEqualTo(50);
    }

    @Test
    void deathCrossWinsOverAStopThatIsNotReachedYet() {
        List<Fired> f = walk(w -> {
            w.bars = flatBars(250);
            return w;
        }).run(9_700);
        assertOnlyFiresAtLastTick(f, 0, "DEATH_CROSS", "Death Cross");
    }

    @Test
    void deathCrossNeedsTwoTenthsOfAPercentGap() {
        List<Fired> f = walk(w -> {
            w.bars = flatBars(0);
            return w;
        }).run(9_867, 9_866);
        assertOnlyFiresAtLastTick(f, 1, "DEATH_CROSS", "Death Cross");
    }

    @Test
    void scaleOutLadderSellsEachLevelOnceOfTheRemainingQuantity() {
        List<Fired> f = walk(w -> {
            w.qty = 1000;
            return w;
        }).run(10_299, 10_300, 10_400, 10_699, 10_700, 11_199, 11_200, 11_799, 11_800);
        assertThat(f).extracting(x -> x.tick()).containsExactly(1, 4, 6, 8);
        assertThat(f).extracting(x -> x.shares()).containsExactly(250L, 187L, 140L, 63L);
        assertThat(f.get(0).signal().reason()).isEqualTo("Scale-out L1: +3.0% (목표 +3.0%) [SIDEWAYS]");
        assertThat(f.get(3).signal().reason()).isEqualTo("Scale-out L4: +18.0% (목표 +18.0%) [SIDEWAYS]");
    }

    @Test
    void smallLotSkipsLadderAndStopsTheWalkAsInPython() {
        assertThat(walk(w -> w).run(10_300, 10_700, 11_200)).isEmpty();
    }

    @Test
    void partialSellsThenAStopLossSellsTheRest() {
        List<Fired> f = walk(w -> {
            w.qty = 1000;
            w.regime = "BEAR";
            w.bars = fallingBars(250);
            return w;
        }).run(10_199, 10_200, 10_250, 9_600, 9_500, 9_499, 9_400);
        assertThat(f).extracting(x -> x.signal().kind()).containsExactly("SCALE_OUT_L1", "ATR_STOP");
        assertThat(f.get(0).signal().reason()).isEqualTo("Scale-out L1: +2.0% (목표 +2.0%) [BEAR]");
        assertThat(f).extracting(x -> x.tick()).containsExactly(1, 5);
        assertThat(f).extracting(x -> x.shares()).containsExactly(250L, 750L);
    }

    @Test
    void gapDownSafetyHoldsFixedStopUntilNineOhFiveKoreaTime() {
        assertThat(walk(w -> {
            w.now = ZonedDateTime.of(2026, 2, 12, 9, 4, 59, 0, KST);
            return w;
        }).run(9_400, 9_100)).isEmpty();
        assertThat(walk(w -> {
            w.now = ZonedDateTime.of(2026, 2, 12, 9, 5, 0, 0, KST);
            return w;
        }).run(9_400)).hasSize(1);
        List<Fired> hard = walk(w -> {
            w.now = ZonedDateTime.of(2026, 2, 12, 9, 2, 0, 0, KST);
            return w;
        }).run(9_100, 9_000);
        assertOnlyFiresAtLastTick(hard, 1, "STOP_LOSS", "Fixed Stop Loss: -10.00% (Limit: -6.0%)");
    }

    @Test
    void gapDownWindowIsKoreaTimeNotUtcQuirkFixed() {
        // 09:02 UTC is 18:02 KST: outside the window, the stop fires
        ZonedDateTime utcNineOhTwo = ZonedDateTime.of(2026, 2, 12, 9, 2, 0, 0, ZoneId.of("UTC"));
        assertThat(GapDownSafety.isSafe(utcNineOhTwo.withZoneSameInstant(KST), -6.0, ExitThresholds.defaults()))
                .isTrue();
        assertThat(GapDownSafety.isSafe(ZonedDateTime.of(2026, 2, 12, 9, 2, 0, 0, KST), -6.0,
                ExitThresholds.defaults())).isFalse();
    }

    @Test
    void maxHoldingDaysIsInertByDefaultAndFiresWhenEnabled() {
        assertThat(walk(w -> {
            w.holdingDays = 40;
            return w;
        }).run(10_000)).isEmpty();
        List<Fired> f = walk(w -> {
            w.holdingDays = 30;
            w.t = new ExitThresholds(2.0, -6.0, true, 5.0, 3.0, 3.5, true, 75.0, 3.0, 10.0, 30, true, 5, -5.0,
                    -10.0, 500_000, 50);
            return w;
        }).run(10_000);
        assertOnlyFiresAtLastTick(f, 0, "MAX_HOLDING_DAYS", "Max Holding Days (30)");
    }

    @Test
    void highWatermarkRestartsOnNewBuyPriceAndNeverSitsBelowBuy() {
        PositionExitState s = PositionExitState.fresh(10_000).withTick(10_000, 10_800);
        assertThat(s.highPrice()).isEqualTo(10_800);
        assertThat(s.withTick(9_000, 9_100).highPrice()).as("averaged down: a new position").isEqualTo(9_100);
        assertThat(s.withTick(10_000.5, 10_100).highPrice()).as("within 1 KRW: same position").isEqualTo(10_800);
    }
}
