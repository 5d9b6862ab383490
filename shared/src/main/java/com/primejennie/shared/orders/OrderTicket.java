package com.primejennie.shared.orders;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.primejennie.shared.kis.OrderSide;

/**
 * What a caller (executor, bot, dashboard) asks the {@link OrderService} to do: one buy or sell under an intent key
 * the caller chose, unique per intended order (e.g. the signal's stream id). Submitting the same key again never
 * places a second order; it returns (or settles) the first.
 *
 * @param intentKey      unique per intended order; at most 200 characters
 * @param source         who asks, e.g. {@code buy-executor}, {@code sell-executor}, {@code telegram}, {@code dashboard}
 * @param code           6-character stock code
 * @param stockName      for TRADELOG/ACTIVE_PORTFOLIO and messages ("" when unknown)
 * @param side           BUY or SELL
 * @param quantity       shares, above zero
 * @param type           MARKET or LIMIT
 * @param limitPrice     KRW for LIMIT (above zero), 0 for MARKET
 * @param referencePrice the price the caller expects (signal price), used for the exposure of an unfilled market
 *                       order; 0 when unknown
 * @param limitTimeout   for LIMIT: how long (market time) the order may rest before its unfilled rest is cancelled;
 *                       null means the service's default; ignored for MARKET
 * @param reason         TRADELOG {@code REASON} (e.g. the exit rule's text)
 * @param strategySignal TRADELOG {@code STRATEGY_SIGNAL}
 * @param keyMetrics     the signal's key metrics, kept in the ledger and merged into TRADELOG {@code KEY_METRICS_JSON}
 * @param sellKey        for sells from an exit rule: the dedup key (null for buys, or to skip dedup)
 */
public record OrderTicket(String intentKey, String source, String code, String stockName, OrderSide side,
                          long quantity, OrderType type, long limitPrice, long referencePrice, Duration limitTimeout,
                          String reason, String strategySignal, Map<String, Object> keyMetrics, SellKey sellKey) {

    public OrderTicket {
        if (intentKey == null || intentKey.isBlank() || intentKey.length() > 200) {
            throw new IllegalArgumentException("an order needs an intent key of 1..200 characters, got '"
                    + intentKey + "'");
        }
        if (code == null || !code.matches("[0-9A-Z]{6}")) {
            throw new IllegalArgumentException("stock code must be 6 characters, got '" + code + "' (intent "
                    + intentKey + ")");
        }
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        if (quantity <= 0) {
            throw new IllegalArgumentException("order quantity must be > 0, got " + quantity + " (intent "
                    + intentKey + ")");
        }
        if (type == OrderType.LIMIT && limitPrice <= 0) {
            throw new IllegalArgumentException("a limit order needs a price > 0, got " + limitPrice + " (intent "
                    + intentKey + ")");
        }
        if (type == OrderType.MARKET) {
            limitPrice = 0;
        }
        if (referencePrice < 0) {
            throw new IllegalArgumentException("reference price must be >= 0, got " + referencePrice);
        }
        if (sellKey != null && (side != OrderSide.SELL || !sellKey.code().equals(code))) {
            throw new IllegalArgumentException("a sell key belongs to a sell of the same stock (intent " + intentKey
                    + ")");
        }
        source = source == null || source.isBlank() ? "unknown" : source;
        stockName = stockName == null ? "" : stockName;
        reason = reason == null ? "" : reason;
        strategySignal = strategySignal == null ? "" : strategySignal;
        keyMetrics = keyMetrics == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(keyMetrics));
    }

    /** A market buy. */
    public static OrderTicket marketBuy(String intentKey, String source, String code, String stockName,
                                        long quantity, long referencePrice) {
        return new OrderTicket(intentKey, source, code, stockName, OrderSide.BUY, quantity, OrderType.MARKET, 0,
                referencePrice, null, "", "", Map.of(), null);
    }

    /** A limit buy resting at most {@code timeout} of market time. */
    public static OrderTicket limitBuy(String intentKey, String source, String code, String stockName, long quantity,
                                       long limitPrice, Duration timeout) {
        return new OrderTicket(intentKey, source, code, stockName, OrderSide.BUY, quantity, OrderType.LIMIT,
                limitPrice, limitPrice, timeout, "", "", Map.of(), null);
    }

    /** A market sell; {@code sellKey} may be null. */
    public static OrderTicket marketSell(String intentKey, String source, String code, String stockName,
                                         long quantity, long referencePrice, SellKey sellKey) {
        return new OrderTicket(intentKey, source, code, stockName, OrderSide.SELL, quantity, OrderType.MARKET, 0,
                referencePrice, null, "", "", Map.of(), sellKey);
    }

    /** A limit sell resting at most {@code timeout} of market time; {@code sellKey} may be null. */
    public static OrderTicket limitSell(String intentKey, String source, String code, String stockName,
                                        long quantity, long limitPrice, Duration timeout, SellKey sellKey) {
        return new OrderTicket(intentKey, source, code, stockName, OrderSide.SELL, quantity, OrderType.LIMIT,
                limitPrice, limitPrice, timeout, "", "", Map.of(), sellKey);
    }

    /** This ticket with TRADELOG's reason, strategy signal and the signal's key metrics. */
    public OrderTicket describedAs(String newReason, String newStrategySignal, Map<String, Object> metrics) {
        return new OrderTicket(intentKey, source, code, stockName, side, quantity, type, limitPrice, referencePrice,
                limitTimeout, newReason, newStrategySignal, metrics, sellKey);
    }
}
