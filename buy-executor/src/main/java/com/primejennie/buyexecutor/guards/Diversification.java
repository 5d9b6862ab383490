package com.primejennie.buyexecutor.guards;

import java.util.List;

/**
 * Diversification with resizing (spec buy-path §3.4): the fine sector's cost-basis share after the buy must stay
 * within {@code MAX_SECTOR_PCT} and the buy's share within {@code MAX_POSITION_VALUE_PCT} (50/20 in STRONG_BULL);
 * a violation shrinks the order with a 0.1-point margin unless that halves it ("smart skip"). Open orders count.
 */
public final class Diversification {

    /** What the check decided: a quantity to buy (maybe resized) or a skip reason. */
    public record Result(long quantity, String skipReason) {
        public boolean approved() {
            return skipReason == null;
        }

        static Result skip(String reason) {
            return new Result(0, reason);
        }
    }

    enum Violation { NONE, SECTOR, STOCK }

    private Diversification() {
    }

    public static Result apply(String fineSector, long quantity, double price, double cash, List<Exposure> exposures,
                               double maxSectorPct, double maxStockPct, String regime) {
        if ("STRONG_BULL".equals(regime)) {
            maxSectorPct = 50;
            maxStockPct = 20;
        }
        double total = cash + exposures.stream().mapToDouble(Exposure::value).sum();
        if (total <= 0) {
            return new Result(quantity, null);
        }
        double sectorValue = exposures.stream().filter(e -> e.fineSector().equals(fineSector))
                .mapToDouble(Exposure::value).sum();
        Violation v = violation(sectorValue, quantity * price, total, maxSectorPct, maxStockPct);
        if (v == Violation.NONE) {
            return new Result(quantity, null);
        }
        long newQty;
        if (v == Violation.SECTOR) {
            double room = maxSectorPct - sectorValue / total * 100.0;
            if (room <= 0.5) {
                return Result.skip("Diversification check failed");
            }
            newQty = (long) Math.floor(total * (room - 0.1) / 100.0 / price);
            if (newQty == 0) {
                return Result.skip("Resized quantity is 0");
            }
            if ((double) newQty / quantity < 0.5) {
                return Result.skip("Smart Skip (Sector Limit)");
            }
        } else {
            newQty = (long) Math.floor(total * (maxStockPct - 0.1) / 100.0 / price);
            if (newQty <= 0 || newQty >= quantity) {
                return Result.skip("Resized quantity is 0 or invalid");
            }
            if ((double) newQty / quantity < 0.5) {
                return Result.skip("Smart Skip (Stock Limit)");
            }
        }
        if (violation(sectorValue, newQty * price, total, maxSectorPct, maxStockPct) != Violation.NONE) {
            return Result.skip("Diversification check failed after resize");
        }
        return new Result(newQty, null);
    }

    private static Violation violation(double sectorValue, double candidateValue, double total, double maxSectorPct,
                                       double maxStockPct) {
        if ((sectorValue + candidateValue) / total * 100.0 > maxSectorPct) {
            return Violation.SECTOR;
        }
        if (candidateValue / total * 100.0 > maxStockPct) {
            return Violation.STOCK;
        }
        return Violation.NONE;
    }
}
