package com.primejennie.kissim.market;

import com.primejennie.shared.market.TickSize;

/** Tick arithmetic the simulator needs on top of the shared KRX {@link TickSize}: snap a price, step it by ticks. */
public final class Ticks {

    private Ticks() {
    }

    public static boolean isValid(long price) {
        return TickSize.isValid(price);
    }

    public static long roundDown(long price) {
        return TickSize.roundDown(Math.max(1, price));
    }

    public static long roundUp(long price) {
        return TickSize.roundUp(Math.max(1, price));
    }

    /** Nearest valid price at or below {@code price}, at least one tick. */
    public static long snap(long price) {
        return Math.max(1, roundDown(price));
    }

    /** {@code price} moved by {@code ticks} ticks (negative = down), crossing tick bands correctly. */
    public static long step(long price, long ticks) {
        long p = snap(price);
        for (long i = 0; i < Math.abs(ticks); i++) {
            p = ticks > 0 ? p + TickSize.tickFor(p) : Math.max(1, roundDown(p - 1));
        }
        return p;
    }

    public static long tickFor(long price) {
        return TickSize.tickFor(price);
    }
}
