package com.primejennie.shared.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.primejennie.shared.market.MarketClock;

/**
 * The held positions ({@code ACTIVE_PORTFOLIO}, or {@code ACTIVE_PORTFOLIO_MOCK} in mock mode). Writers are the
 * executors; price-monitor and the dashboard read. Timestamps are written as naive UTC from the injected clock.
 */
public class ActivePortfolioRepository {

    /** Scale of a recomputed average buy price (KRW). */
    static final int AVERAGE_SCALE = 4;

    /** What a sale did to the position. */
    public enum SaleOutcome {
        /** The row was deleted: the sold quantity covered the whole holding. */
        CLOSED,
        /** The quantity was reduced; the average price is unchanged. */
        REDUCED,
        /** No row for the stock: nothing changed (the caller decides how loud to be). */
        NOT_HELD
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MarketClock clock;
    private final String table;

    public ActivePortfolioRepository(JdbcClient jdbc, TransactionTemplate transactions, MarketClock clock,
                                     TableNames tables) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.table = tables.activePortfolio();
    }

    public List<Position> findAll() {
        return jdbc.sql("SELECT * FROM " + table + " ORDER BY STOCK_CODE").query(this::map).list();
    }

    public Optional<Position> find(String stockCode) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE STOCK_CODE = ?").param(Rows.requireCode(stockCode))
                .query(this::map).optional();
    }

    /**
     * Records a buy: inserts the position, or adds to an existing one with the average recomputed explicitly as
     * new total / new quantity. This fixes the Python upsert [DEFECT] whose {@code ON DUPLICATE KEY UPDATE} computed
     * the average from columns MariaDB had already incremented, double-counting the new lot. The stop-loss and the
     * high of an existing position are kept.
     *
     * @param pricePerShare the buy price in whole KRW
     * @param stopLossPrice the stop for a new position (ignored when adding to one)
     * @return the position after the buy
     */
    public Position recordBuy(String stockCode, String stockName, int quantity, long pricePerShare,
                              BigDecimal stopLossPrice) {
        Rows.requireCode(stockCode);
        if (quantity <= 0) {
            throw new IllegalArgumentException("buy quantity for " + stockCode + " must be positive, was " + quantity);
        }
        if (pricePerShare <= 0) {
            throw new IllegalArgumentException("buy price for " + stockCode + " must be positive, was "
                    + pricePerShare);
        }
        return transactions.execute(status -> {
            var now = clock.nowUtcNaive();
            BigDecimal lotAmount = BigDecimal.valueOf(pricePerShare).multiply(BigDecimal.valueOf(quantity));
            Optional<Position> existing = jdbc.sql("SELECT * FROM " + table + " WHERE STOCK_CODE = ? FOR UPDATE")
                    .param(stockCode).query(this::map).optional();
            if (existing.isEmpty()) {
                jdbc.sql("INSERT INTO " + table + " (STOCK_CODE, STOCK_NAME, QUANTITY, AVERAGE_BUY_PRICE, "
                                + "TOTAL_BUY_AMOUNT, CURRENT_HIGH_PRICE, STOP_LOSS_PRICE, CREATED_AT, UPDATED_AT) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(stockCode, stockName, quantity, pricePerShare, lotAmount, pricePerShare,
                                stopLossPrice, now, now)
                        .update();
            } else {
                Position held = existing.get();
                int newQuantity = Math.addExact(held.quantity(), quantity);
                BigDecimal heldTotal = held.totalBuyAmount() != null ? held.totalBuyAmount()
                        : held.averageBuyPrice().multiply(BigDecimal.valueOf(held.quantity()));
                BigDecimal newTotal = heldTotal.add(lotAmount);
                BigDecimal newAverage = newTotal.divide(BigDecimal.valueOf(newQuantity), AVERAGE_SCALE,
                        RoundingMode.HALF_UP);
                jdbc.sql("UPDATE " + table + " SET QUANTITY = ?, TOTAL_BUY_AMOUNT = ?, AVERAGE_BUY_PRICE = ?, "
                                + "UPDATED_AT = ? WHERE STOCK_CODE = ?")
                        .params(newQuantity, newTotal, newAverage, now, stockCode)
                        .update();
            }
            return jdbc.sql("SELECT * FROM " + table + " WHERE STOCK_CODE = ?").param(stockCode).query(this::map)
                    .single();
        });
    }

    /**
     * Records a sale of {@code soldQuantity} shares: deletes the row when that covers the holding, otherwise lowers
     * the quantity and the cost basis ({@code newQty × average}); the average is unchanged.
     */
    public SaleOutcome recordSale(String stockCode, int soldQuantity) {
        Rows.requireCode(stockCode);
        if (soldQuantity <= 0) {
            throw new IllegalArgumentException("sold quantity for " + stockCode + " must be positive, was "
                    + soldQuantity);
        }
        return transactions.execute(status -> {
            Optional<Position> existing = jdbc.sql("SELECT * FROM " + table + " WHERE STOCK_CODE = ? FOR UPDATE")
                    .param(stockCode).query(this::map).optional();
            if (existing.isEmpty()) {
                return SaleOutcome.NOT_HELD;
            }
            Position held = existing.get();
            if (held.quantity() <= soldQuantity) {
                jdbc.sql("DELETE FROM " + table + " WHERE STOCK_CODE = ?").param(stockCode).update();
                return SaleOutcome.CLOSED;
            }
            int remaining = held.quantity() - soldQuantity;
            BigDecimal average = held.averageBuyPrice() == null ? BigDecimal.ZERO : held.averageBuyPrice();
            jdbc.sql("UPDATE " + table + " SET QUANTITY = ?, TOTAL_BUY_AMOUNT = ?, UPDATED_AT = ? "
                            + "WHERE STOCK_CODE = ?")
                    .params(remaining, average.multiply(BigDecimal.valueOf(remaining)), clock.nowUtcNaive(),
                            stockCode)
                    .update();
            return SaleOutcome.REDUCED;
        });
    }

    /** Raises the recorded high to {@code price} if it is higher (or unset); returns whether it changed. */
    public boolean raiseHighPrice(String stockCode, long price) {
        return jdbc.sql("UPDATE " + table + " SET CURRENT_HIGH_PRICE = ?, UPDATED_AT = ? WHERE STOCK_CODE = ? "
                        + "AND (CURRENT_HIGH_PRICE IS NULL OR CURRENT_HIGH_PRICE < ?)")
                .params(price, clock.nowUtcNaive(), Rows.requireCode(stockCode), price)
                .update() == 1;
    }

    /** Sets the stop-loss price; returns whether the position exists. */
    public boolean updateStopLoss(String stockCode, BigDecimal stopLossPrice) {
        return jdbc.sql("UPDATE " + table + " SET STOP_LOSS_PRICE = ?, UPDATED_AT = ? WHERE STOCK_CODE = ?")
                .params(stopLossPrice, clock.nowUtcNaive(), Rows.requireCode(stockCode))
                .update() == 1;
    }

    private Position map(ResultSet rs, int row) throws SQLException {
        return new Position(rs.getString("STOCK_CODE"), rs.getString("STOCK_NAME"), rs.getInt("QUANTITY"),
                Rows.decimal(rs, "AVERAGE_BUY_PRICE"), Rows.decimal(rs, "TOTAL_BUY_AMOUNT"),
                Rows.krw(rs, "CURRENT_HIGH_PRICE"), Rows.decimal(rs, "STOP_LOSS_PRICE"),
                Rows.timestamp(rs, "CREATED_AT"), Rows.timestamp(rs, "UPDATED_AT"));
    }
}
