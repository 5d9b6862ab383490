package com.primejennie.buyscanner.evaluation;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.primejennie.buyscanner.bars.Bar;
import com.primejennie.buyscanner.config.ScannerProperties.Thresholds;
import com.primejennie.shared.macro.TradingContext;
import com.primejennie.buyscanner.indicators.BarIndicators;
import com.primejennie.buyscanner.indicators.SimpleRsi;
import com.primejennie.buyscanner.watchlist.EntryInfo;
import com.primejennie.shared.domain.HotWatchlist;
import com.primejennie.shared.settings.RuntimeSettings;

/**
 * Everything one evaluation of one stock reads (spec §2.5–2.6), gathered once per completed bar so every gate and
 * strategy sees the same numbers: the stock and regime, the tick price, the recent bars (oldest first, at most 30),
 * VWAP, volume ratio, RSI, the time, the macro context and the watchlist-entry data. Not shared between threads.
 */
public final class EvaluationContext {

    private final String code;
    private final HotWatchlist.Stock stock;
    private final String regime;
    private final double tickPrice;
    private final List<Bar> bars;
    private final double vwap;
    private final double volumeRatio;
    private final ZonedDateTime now;
    private final TradingContext macro;
    private final EntryInfo entry;
    private final List<Double> foreignNetBuys;
    private final RuntimeSettings settings;
    private final Thresholds thresholds;
    private final Double rsi;
    private BarIndicators indicators;

    public EvaluationContext(String code, HotWatchlist.Stock stock, String regime, double tickPrice, List<Bar> bars,
                             double vwap, double volumeRatio, ZonedDateTime now, TradingContext macro,
                             EntryInfo entry, List<Double> foreignNetBuys, RuntimeSettings settings,
                             Thresholds thresholds) {
        this.code = Objects.requireNonNull(code, "code");
        this.stock = Objects.requireNonNull(stock, "stock");
        this.regime = regime == null ? "UNKNOWN" : regime;
        this.tickPrice = tickPrice;
        this.bars = List.copyOf(bars);
        this.vwap = vwap;
        this.volumeRatio = volumeRatio;
        this.now = Objects.requireNonNull(now, "now");
        this.macro = macro;
        this.entry = entry;
        this.foreignNetBuys = foreignNetBuys == null ? List.of() : List.copyOf(foreignNetBuys);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.rsi = SimpleRsi.of(closes());
    }

    public String code() {
        return code;
    }

    public HotWatchlist.Stock stock() {
        return stock;
    }

    public String name() {
        return stock.name() == null || stock.name().isBlank() ? code : stock.name();
    }

    public double llmScore() {
        return stock.llmScore() == null ? 0.0 : stock.llmScore();
    }

    public double hybridScore() {
        return stock.hybridScoreOrLlmScore();
    }

    public String tradeTier() {
        return stock.tradeTier();
    }

    public String regime() {
        return regime;
    }

    public boolean bull() {
        return Regimes.isBull(regime);
    }

    public double tickPrice() {
        return tickPrice;
    }

    /** Recent completed bars, oldest first. */
    public List<Bar> bars() {
        return bars;
    }

    public Bar last() {
        return bars.get(bars.size() - 1);
    }

    public List<Double> closes() {
        List<Double> closes = new ArrayList<>(bars.size());
        for (Bar bar : bars) {
            closes.add(bar.close());
        }
        return closes;
    }

    public double vwap() {
        return vwap;
    }

    public double volumeRatio() {
        return volumeRatio;
    }

    /** {@link SimpleRsi} of the recent closes; null with fewer than 15 bars. */
    public Double rsi() {
        return rsi;
    }

    public ZonedDateTime now() {
        return now;
    }

    public TradingContext macro() {
        return macro;
    }

    public EntryInfo entry() {
        return entry;
    }

    public List<Double> foreignNetBuys() {
        return foreignNetBuys;
    }

    public RuntimeSettings settings() {
        return settings;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public BarIndicators indicators() {
        if (indicators == null) {
            indicators = new BarIndicators(bars);
        }
        return indicators;
    }
}
