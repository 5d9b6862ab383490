package com.primejennie.kissim.market;

/** KRX price-tick arithmetic the simulator needs (snap a price, step it by ticks, check an order price). */
public final class Ticks {

    private Ticks() {
    }

    public static boolean isValid(long price) {
        return KrxTicks.isValid(price);
    }

    public static long roundDown(long price) {
        return KrxTicks.roundDown(Math.max(1, price));
    }

    public static long roundUp(long price) {
        return KrxTicks.roundUp(Math.max(1, price));
    }

    /** Nearest valid price at or below {@code price}, at least one tick. */
    public static long snap(long price) {
        return roundDown(price);
    }

    /** {@code price} moved by {@code ticks} ticks (negative = down), crossing tick bands correctly. */
    public static long step(long price, long ticks) {
        long p = snap(price);
        for (long i = 0; i < Math.abs(ticks); i++) {
            p = ticks > 0 ? p + KrxTicks.tickFor(p) : Math.max(1, roundDown(p - 1));
        }
        return p;
    }

    public static long tickFor(long price) {
        return KrxTicks.tickFor(price);
    }
}
