package com.primejennie.shared.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

import com.primejennie.shared.kis.OrderSide;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.persistence.TableNames;
import com.primejennie.shared.trading.TradingCosts;

import tools.jackson.databind.json.JsonMapper;

/**
 * The durable side of the order book in MariaDB: the ledger row of each order ({@code ORDER_LEDGER[_MOCK]}), and the
 * positions that follow its fills. A fill step (KIS's cumulative filled quantity rising from what the database has
 * to what KIS lists) is written in one transaction: an {@code ORDER_FILL} row keyed by (intent, cumulative quantity),
 * one TRADELOG row and the ACTIVE_PORTFOLIO change, so reading the same fill twice, or replaying it, changes nothing.
 *
 * <p>PnL of record for a sell: average cost from ACTIVE_PORTFOLIO, net of the buy fee on that cost, the sell fee and
 * the sell tax ({@code profit_amount}); gross, fee and tax beside it in KEY_METRICS_JSON.
 */
public class OrderLedger {

    private static final Logger log = LoggerFactory.getLogger(OrderLedger.class);

    /** Attempts of one fill transaction that lost a lock race (deadlock, lock wait, duplicate fill step). */
    static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MarketClock clock;
    private final TradingCosts costs;
    private final JsonMapper json;
    private final String ledger;
    private final String fills;
    private final String portfolio;
    private final String tradeLog;

    public OrderLedger(DataSource dataSource, MarketClock clock, TradingCosts costs, JsonMapper json,
                       OrderScope scope) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
        this.costs = costs;
        this.json = json;
        TableNames tables = new TableNames(scope.mock());
        this.ledger = scope.ledgerTable();
        this.fills = scope.fillTable();
        this.portfolio = tables.activePortfolio();
        this.tradeLog = tables.tradeLog();
    }

    /** The fee and tax rates fills are charged at. */
    public TradingCosts costs() {
        return costs;
    }

    /** Writes the order's ledger row (insert or update). */
    public void upsert(OrderRecord o) {
        jdbc.sql("INSERT INTO " + ledger + " (INTENT_KEY, ACCOUNT_NO, SOURCE, STOCK_CODE, STOCK_NAME, SIDE, QUANTITY, "
                        + "ORDER_TYPE, LIMIT_PRICE, REFERENCE_PRICE, LIMIT_DEADLINE, ORDER_NO, STATE, FILLED_QUANTITY, "
                        + "FILLED_AMOUNT, AVG_FILL_PRICE, FEE, TAX, SENDS, CANCEL_REQUESTED, REASON, KEY_METRICS_JSON, "
                        + "CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?) ON DUPLICATE KEY UPDATE ORDER_NO = VALUES(ORDER_NO), STATE = VALUES(STATE), "
                        + "FILLED_QUANTITY = VALUES(FILLED_QUANTITY), FILLED_AMOUNT = VALUES(FILLED_AMOUNT), "
                        + "AVG_FILL_PRICE = VALUES(AVG_FILL_PRICE), FEE = VALUES(FEE), TAX = VALUES(TAX), "
                        + "SENDS = VALUES(SENDS), CANCEL_REQUESTED = VALUES(CANCEL_REQUESTED), REASON = VALUES(REASON), "
                        + "UPDATED_AT = VALUES(UPDATED_AT)")
                .params(o.intentKey(), o.account(), o.source(), o.code(), o.stockName(), o.side().name(), o.quantity(),
                        o.type().name(), o.limitPrice(), o.referencePrice(),
                        o.limitDeadline() == null ? null : LocalDateTime.ofInstant(o.limitDeadline(), ZoneOffset.UTC),
                        o.orderNo(), o.state().name(), o.filledQuantity(), o.filledAmount(), o.averageFillPrice(),
                        o.fee(), o.tax(), o.sends(), o.cancelRequested(), o.reason(),
                        json.writeValueAsString(o.keyMetrics()),
                        Timestamp.valueOf(LocalDateTime.ofInstant(o.createdAt(), ZoneOffset.UTC)),
                        Timestamp.valueOf(LocalDateTime.ofInstant(o.updatedAt(), ZoneOffset.UTC)))
                .update();
    }

    /** The state recorded in the ledger for {@code intentKey}, if any. */
    public Optional<String> state(String intentKey) {
        return jdbc.sql("SELECT STATE FROM " + ledger + " WHERE INTENT_KEY = ?").param(intentKey)
                .query(String.class).optional();
    }

    /**
     * Records the fills of {@code order} up to KIS's cumulative {@code filledQty}/{@code filledAmount}: the part the
     * database does not have yet becomes one fill step. Idempotent, and safe to run from two settlers at once: a
     * transaction that loses a lock race is rolled back and run again ({@link #MAX_ATTEMPTS}), and the primary key
     * (intent, cumulative quantity) of the fills table never holds one fill step twice.
     *
     * @return the cumulative quantity the database now holds for the order
     */
    public long applyFills(OrderRecord order, long filledQty, long filledAmount, String tradeReason,
                           String strategySignal) {
        for (int attempt = 1; ; attempt++) {
            try {
                return applyFillsOnce(order, filledQty, filledAmount, tradeReason, strategySignal);
            } catch (PessimisticLockingFailureException | DuplicateKeyException e) {
                // Another applier of the same fill (a second settler) won a deadlock, a lock wait, or the insert of
                // this very fill step. The whole transaction was rolled back and re-reads what is applied, so running
                // it again is safe - unlike a broker write, it cannot do anything twice.
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                log.info("fills of {}: lost a lock race to another applier ({}); re-reading (attempt {})",
                        order.intentKey(), e.getClass().getSimpleName(), attempt + 1);
                pause(attempt);
            }
        }
    }

    private long applyFillsOnce(OrderRecord order, long filledQty, long filledAmount, String tradeReason,
                                String strategySignal) {
        Long done = transactions.execute(status -> {
            // Appliers of one order queue on its ledger row (a record lock) before touching the fills, so two
            // settlers completing the same order wait for each other instead of both taking the gap lock of an order
            // with no fill rows yet and then deadlocking on their inserts. Without a ledger row (or for gap locks
            // shared by neighbouring orders) the retry above settles the race.
            jdbc.sql("SELECT INTENT_KEY FROM " + ledger + " WHERE INTENT_KEY = ? FOR UPDATE").param(order.intentKey())
                    .query(String.class).optional();
            Map<String, Object> have = jdbc.sql("SELECT COALESCE(MAX(CUM_QUANTITY), 0) AS Q, COALESCE(SUM(AMOUNT), 0) "
                    + "AS A FROM " + fills + " WHERE INTENT_KEY = ? FOR UPDATE").param(order.intentKey())
                    .query().singleRow();
            long dbQty = ((Number) have.get("Q")).longValue();
            long dbAmount = ((Number) have.get("A")).longValue();
            if (filledQty <= dbQty) {
                return dbQty;
            }
            long qty = filledQty - dbQty;
            long amount = filledAmount - dbAmount;
            long fee = costs.fee(filledAmount) - costs.fee(dbAmount);
            long tax = order.side() == OrderSide.SELL ? costs.sellTax(filledAmount) - costs.sellTax(dbAmount) : 0;
            long price = Math.round((double) amount / qty);
            LocalDateTime now = clock.nowUtcNaive();
            Map<String, Object> metrics = new LinkedHashMap<>(order.keyMetrics());
            metrics.put("order_no", order.orderNo());
            metrics.put("intent_key", order.intentKey());
            metrics.put("source", order.source());
            metrics.put("fill_quantity", qty);
            metrics.put("fill_amount", amount);
            long logId;
            if (order.side() == OrderSide.BUY) {
                metrics.put("fee", fee);
                buy(order, qty, amount, price, now);
                logId = tradeLog(order, "BUY", qty, price, tradeReason, strategySignal, metrics, now);
            } else {
                Map<String, Object> held = jdbc.sql("SELECT QUANTITY, AVERAGE_BUY_PRICE FROM " + portfolio
                        + " WHERE STOCK_CODE = ? FOR UPDATE").param(order.code()).query().listOfRows().stream()
                        .findFirst().orElse(null);
                BigDecimal avg = held == null || held.get("AVERAGE_BUY_PRICE") == null ? null
                        : new BigDecimal(held.get("AVERAGE_BUY_PRICE").toString());
                if (avg != null && avg.signum() > 0) {
                    long cost = avg.multiply(BigDecimal.valueOf(qty)).setScale(0, RoundingMode.HALF_UP).longValue();
                    long buyFee = costs.fee(cost);
                    long gross = amount - cost;
                    long net = gross - buyFee - fee - tax;
                    metrics.put("buy_price", avg.setScale(2, RoundingMode.HALF_UP));
                    metrics.put("sell_price", price);
                    metrics.put("profit_pct", BigDecimal.valueOf(net * 100.0 / cost).setScale(2,
                            RoundingMode.HALF_UP));
                    metrics.put("profit_amount", net);
                    metrics.put("gross_profit_amount", gross);
                    metrics.put("buy_fee", buyFee);
                } else {
                    metrics.put("sell_price", price);
                    metrics.put("profit_amount", null); // no cost basis of ours (e.g. an adopted or unmanaged stock)
                }
                metrics.put("fee", fee);
                metrics.put("tax", tax);
                if (!tradeReason.isEmpty()) {
                    metrics.put("sell_reason", tradeReason);
                }
                if (held != null) {
                    long heldQty = ((Number) held.get("QUANTITY")).longValue();
                    if (heldQty <= qty) {
                        jdbc.sql("DELETE FROM " + portfolio + " WHERE STOCK_CODE = ?").param(order.code()).update();
                    } else {
                        long remaining = heldQty - qty;
                        jdbc.sql("UPDATE " + portfolio + " SET QUANTITY = ?, TOTAL_BUY_AMOUNT = ?, UPDATED_AT = ? "
                                        + "WHERE STOCK_CODE = ?")
                                .params(remaining, avg == null ? null : avg.multiply(BigDecimal.valueOf(remaining)),
                                        now, order.code())
                                .update();
                    }
                }
                logId = tradeLog(order, "SELL", qty, price, tradeReason, strategySignal, metrics, now);
            }
            jdbc.sql("INSERT INTO " + fills + " (INTENT_KEY, CUM_QUANTITY, ORDER_NO, STOCK_CODE, SIDE, QUANTITY, AMOUNT, "
                            + "FEE, TAX, TRADELOG_ID, APPLIED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(order.intentKey(), filledQty, order.orderNo(), order.code(), order.side().name(), qty,
                            amount, fee, tax, logId, now)
                    .update();
            return filledQty;
        });
        return done == null ? 0 : done;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-applying fills", e);
        }
    }

    private void buy(OrderRecord order, long qty, long amount, long price, LocalDateTime now) {
        Map<String, Object> held = jdbc.sql("SELECT QUANTITY, TOTAL_BUY_AMOUNT, AVERAGE_BUY_PRICE FROM " + portfolio
                + " WHERE STOCK_CODE = ? FOR UPDATE").param(order.code()).query().listOfRows().stream().findFirst()
                .orElse(null);
        if (held == null) {
            Object stop = order.keyMetrics().get("stop_loss_price");
            jdbc.sql("INSERT INTO " + portfolio + " (STOCK_CODE, STOCK_NAME, QUANTITY, AVERAGE_BUY_PRICE, "
                            + "TOTAL_BUY_AMOUNT, CURRENT_HIGH_PRICE, STOP_LOSS_PRICE, CREATED_AT, UPDATED_AT) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(order.code(), order.stockName(), qty,
                            BigDecimal.valueOf(amount).divide(BigDecimal.valueOf(qty), 4, RoundingMode.HALF_UP),
                            amount, price, stop instanceof Number n ? n.doubleValue() : null, now, now)
                    .update();
            return;
        }
        long heldQty = ((Number) held.get("QUANTITY")).longValue();
        BigDecimal heldTotal = held.get("TOTAL_BUY_AMOUNT") != null
                ? new BigDecimal(held.get("TOTAL_BUY_AMOUNT").toString())
                : new BigDecimal(String.valueOf(held.get("AVERAGE_BUY_PRICE"))).multiply(BigDecimal.valueOf(heldQty));
        long newQty = heldQty + qty;
        BigDecimal total = heldTotal.add(BigDecimal.valueOf(amount));
        jdbc.sql("UPDATE " + portfolio + " SET QUANTITY = ?, TOTAL_BUY_AMOUNT = ?, AVERAGE_BUY_PRICE = ?, "
                        + "UPDATED_AT = ? WHERE STOCK_CODE = ?")
                .params(newQty, total, total.divide(BigDecimal.valueOf(newQty), 4, RoundingMode.HALF_UP), now,
                        order.code())
                .update();
    }

    private long tradeLog(OrderRecord order, String type, long qty, long price, String reason, String signal,
                          Map<String, Object> metrics, LocalDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO " + tradeLog + " (STOCK_CODE, TRADE_TYPE, QUANTITY, PRICE, REASON, TRADE_TIMESTAMP, "
                        + "STRATEGY_SIGNAL, KEY_METRICS_JSON, MARKET_CONTEXT_JSON) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(order.code(), type, qty, price, reason, now,
                        signal.length() > 100 ? signal.substring(0, 100) : signal,
                        json.writeValueAsString(metrics), null)
                .update(keys, "LOG_ID");
        return keys.getKey() == null ? 0 : keys.getKey().longValue();
    }

    /**
     * Adopt: ACTIVE_PORTFOLIO's row of {@code code} becomes the broker's holding (deleted when it holds none).
     *
     * @return the quantity we had before
     */
    public long adopt(String code, String name, long brokerQty, BigDecimal brokerAverage) {
        Long before = transactions.execute(status -> {
            LocalDateTime now = clock.nowUtcNaive();
            Long had = jdbc.sql("SELECT QUANTITY FROM " + portfolio + " WHERE STOCK_CODE = ? FOR UPDATE").param(code)
                    .query(Long.class).optional().orElse(0L);
            if (brokerQty <= 0) {
                jdbc.sql("DELETE FROM " + portfolio + " WHERE STOCK_CODE = ?").param(code).update();
            } else if (had == 0 && jdbc.sql("SELECT COUNT(*) FROM " + portfolio + " WHERE STOCK_CODE = ?")
                    .param(code).query(Long.class).single() == 0) {
                jdbc.sql("INSERT INTO " + portfolio + " (STOCK_CODE, STOCK_NAME, QUANTITY, AVERAGE_BUY_PRICE, "
                                + "TOTAL_BUY_AMOUNT, CURRENT_HIGH_PRICE, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, "
                                + "?, ?, ?)")
                        .params(code, name, brokerQty, brokerAverage,
                                brokerAverage.multiply(BigDecimal.valueOf(brokerQty)),
                                brokerAverage.setScale(0, RoundingMode.HALF_UP), now, now)
                        .update();
            } else {
                jdbc.sql("UPDATE " + portfolio + " SET QUANTITY = ?, AVERAGE_BUY_PRICE = ?, TOTAL_BUY_AMOUNT = ?, "
                                + "UPDATED_AT = ? WHERE STOCK_CODE = ?")
                        .params(brokerQty, brokerAverage, brokerAverage.multiply(BigDecimal.valueOf(brokerQty)), now,
                                code)
                        .update();
            }
            return had;
        });
        return before == null ? 0 : before;
    }

    /**
     * The net profit of record of a sell (the sum of {@code profit_amount} over the TRADELOG rows of its fill steps,
     * and its share of their cost); empty when a step has none (no cost basis of ours) or no fill is recorded yet.
     */
    public Optional<NetProfit> netProfit(String intentKey) {
        var rows = jdbc.sql("SELECT t.KEY_METRICS_JSON FROM " + fills + " f JOIN " + tradeLog
                + " t ON t.LOG_ID = f.TRADELOG_ID WHERE f.INTENT_KEY = ?").param(intentKey).query(String.class).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long sum = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (String metrics : rows) {
            var node = metrics == null ? null : json.readTree(metrics);
            var profit = node == null ? null : node.get("profit_amount");
            if (profit == null || !profit.isNumber()) {
                return Optional.empty();
            }
            sum += profit.asLong();
            var buyPrice = node.get("buy_price");
            var quantity = node.get("fill_quantity");
            if (buyPrice != null && buyPrice.isNumber() && quantity != null && quantity.isNumber()) {
                cost = cost.add(buyPrice.decimalValue().multiply(BigDecimal.valueOf(quantity.asLong())));
            }
        }
        BigDecimal pct = cost.signum() > 0
                ? BigDecimal.valueOf(sum).multiply(BigDecimal.valueOf(100)).divide(cost, 2, RoundingMode.HALF_UP)
                : null;
        return Optional.of(new NetProfit(sum, pct));
    }

    /** Quantities held per stock in ACTIVE_PORTFOLIO. */
    public Map<String, Long> holdings() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT STOCK_CODE, QUANTITY FROM " + portfolio).query((rs, i) -> {
            out.put(rs.getString(1), rs.getLong(2));
            return null;
        }).list();
        return out;
    }
}
