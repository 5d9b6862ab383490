package com.primejennie.buyscanner.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The buy-scanner's own configuration ({@code jennie.scanner.*}), with every default in one place: the machinery
 * (timers, caches, lanes) and the strategy thresholds the spec fixes as constants. Operator-tunable thresholds that
 * the Python suite read from {@code CONFIG} stay in {@code SettingKeys} and are read through {@code RuntimeSettings}.
 *
 * @param consumerGroup         the consumer group on {@code kis:prices} (Python's name)
 * @param maxTickAge            a tick whose stream entry is older than this when read (a backlog) updates bars but
 *                              never signals
 * @param quietCloseGrace       a bar closes on the timer this long after its interval ended without a new tick
 * @param flagCacheTtl          how long the emergency stop / pause flags are cached
 * @param watchlistPoll         how often {@code hot_watchlist:active} is compared with the loaded version
 * @param macroRefresh          how often the macro trading context is rebuilt (spec: 30 min)
 * @param heartbeatInterval     heartbeat cadence (spec: 5 s, TTL 15 s)
 * @param lanes                 worker lanes: one stock always runs on the same lane (serialized), stocks in
 *                              parallel; 0 = inline on the stream reader's thread
 * @param laneQueueCapacity     ticks queued per lane before the reader waits
 * @param warmStartBars         bars loaded from {@code STOCK_MINUTE_PRICE} for a stock that joins
 * @param entryLookbackDays     calendar days of {@code WATCHLIST_HISTORY} searched for a stock's watchlist entry
 * @param pendingConfirmationMax a pending momentum signal older than this many bar intervals is dropped
 * @param thresholds            the spec's strategy constants
 */
@ConfigurationProperties("jennie.scanner")
public record ScannerProperties(
        @DefaultValue("buy-scanner-group") String consumerGroup,
        @DefaultValue("5s") Duration maxTickAge,
        @DefaultValue("2s") Duration quietCloseGrace,
        @DefaultValue("1s") Duration flagCacheTtl,
        @DefaultValue("2s") Duration watchlistPoll,
        @DefaultValue("30m") Duration macroRefresh,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("2") int lanes,
        @DefaultValue("20000") int laneQueueCapacity,
        @DefaultValue("60") int warmStartBars,
        @DefaultValue("10") int entryLookbackDays,
        @DefaultValue("3") int pendingConfirmationMax,
        @DefaultValue Thresholds thresholds) {

    public ScannerProperties {
        if (lanes < 0) {
            throw new IllegalArgumentException("jennie.scanner.lanes must be >= 0, got " + lanes);
        }
        if (laneQueueCapacity < 1) {
            throw new IllegalArgumentException("jennie.scanner.lane-queue-capacity must be >= 1");
        }
    }

    /** Every default, as an application without {@code jennie.scanner.*} properties gets them. */
    public static ScannerProperties defaults() {
        return bind(new MapConfigurationPropertySource());
    }

    /** Binds {@code jennie.scanner.*} from {@code source} (tests and the bench). */
    public static ScannerProperties bind(ConfigurationPropertySource source) {
        return new Binder(List.of(source)).bindOrCreate("jennie.scanner", Bindable.of(ScannerProperties.class));
    }

    /**
     * The constants of spec/buy-path.md §2.5–2.6 and spec/upstream-2026-02-18.md, named. Percentages are in percent.
     */
    public record Thresholds(
            // WATCHLIST_CONVICTION_ENTRY (upstream 2026-02-18)
            @DefaultValue("75") double convictionSidewaysMinHybrid,
            @DefaultValue("70") double convictionMinHybrid,
            @DefaultValue("72") double convictionMinLlm,
            @DefaultValue("09:15") LocalTime convictionWindowStart,
            @DefaultValue("10:30") LocalTime convictionWindowEnd,
            @DefaultValue("3.0") double convictionMaxGainPct,
            @DefaultValue("1.5") double convictionMaxVwapPremiumPct,
            @DefaultValue("65") double convictionMaxRsi,
            @DefaultValue("3") int convictionMinBars,
            // MOMENTUM_CONTINUATION_BULL
            @DefaultValue("65") double continuationMinLlm,
            @DefaultValue("20") int continuationMinBars,
            @DefaultValue("2.0") double continuationMinGainPct,
            // SHORT_TERM_HIGH_BREAKOUT
            @DefaultValue("30") int shortTermHighMinBars,
            @DefaultValue("2.0") double shortTermHighVolumeRatio,
            // VOLUME_BREAKOUT_1MIN
            @DefaultValue("20") int volumeBreakoutMinBars,
            @DefaultValue("3.0") double volumeBreakoutVolumeRatio,
            // BULL_PULLBACK
            @DefaultValue("20") int pullbackMinBars,
            @DefaultValue("0.8") double pullbackVolumeFactor,
            // VCP_BREAKOUT
            @DefaultValue("0.7") double vcpMaxRangeContraction,
            @DefaultValue("3.0") double vcpVolumeRatio,
            // INSTITUTIONAL_ENTRY
            @DefaultValue("5") int institutionalMinBars,
            @DefaultValue("0.1") double institutionalMaxUpperWick,
            @DefaultValue("2.0") double institutionalBodyRatio,
            // DIP_BUY
            @DefaultValue("65") double dipBuyMinLlm,
            @DefaultValue("-2.0") double dipBuyMinDrop,
            @DefaultValue("-5.0") double dipBuyMaxDrop,
            @DefaultValue("3") int dipBuyMaxDays,
            @DefaultValue("5") int dipBuyMaxDaysBull,
            // strategy list (§2.6 C)
            @DefaultValue("5") int goldenCrossShort,
            @DefaultValue("20") int goldenCrossLong,
            @DefaultValue("40") double legendaryMaxRsi,
            @DefaultValue("5") int legendaryFlowDays,
            @DefaultValue("30") double rsiReboundDefault,
            @DefaultValue("50") double rsiThresholdBull,
            @DefaultValue("40") double rsiThresholdSideways,
            @DefaultValue("30") double rsiThresholdOther,
            @DefaultValue("20") int bollingerPeriod,
            @DefaultValue("3.0") double momentumDefaultThreshold,
            @DefaultValue("1.5") double defaultListMomentumThreshold,
            // gates
            @DefaultValue("2") int macroRiskOffLevel,
            @DefaultValue("30") int recentBars) {
    }
}
