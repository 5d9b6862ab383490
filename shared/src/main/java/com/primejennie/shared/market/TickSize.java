package com.primejennie.shared.market;

/**
 * KRX price ticks for stocks: an order price must be a multiple of the tick of its band, or KIS rejects the order.
 *
 * <p>Bands (spec/buy-path.md §3.5, inclusive at the upper edge as the Python suite coded them): up to 2,000 KRW tick 1;
 * to 5,000 tick 5; to 20,000 tick 10; to 50,000 tick 50; to 200,000 tick 100; to 500,000 tick 500; above, 1,000. Every
 * band edge is a multiple of both neighbouring ticks, so rounding within a band always lands on a valid price and
 * {@code <=} versus the exchange's {@code <} makes no difference.
 *
 * <p>ETF/ETN ticks and the daily price limits are out of scope. Prices are whole KRW; a non-positive price is a bug
 * upstream and fails fast instead of producing an order at 0.
 */
public final class TickSize {

    private static final long[] UPPER_EDGES = {2_000, 5_000, 20_000, 50_000, 200_000, 500_000};
    private static final long[] TICKS = {1, 5, 10, 50, 100, 500};
    private static final long TOP_TICK = 1_000;

    private TickSize() {
    }

    /** The tick of the band {@code price} falls in. */
    public static long tickFor(long price) {
        requirePositive(price);
        for (int i = 0; i < UPPER_EDGES.length; i++) {
            if (price <= UPPER_EDGES[i]) {
                return TICKS[i];
            }
        }
        return TOP_TICK;
    }

    /** The smallest valid price {@code >= price} (the Python suite's {@code alignUp}, used for limit buys). */
    public static long roundUp(long price) {
        long tick = tickFor(price);
        long remainder = price % tick;
        return remainder == 0 ? price : Math.addExact(price, tick - remainder);
    }

    /** The largest valid price {@code <= price}; never below the lowest band's tick, since prices stay positive. */
    public static long roundDown(long price) {
        long tick = tickFor(price);
        return price - price % tick;
    }

    /** Whether KRX accepts {@code price} as an order price. Non-positive prices fail fast rather than read as invalid. */
    public static boolean isValid(long price) {
        return price % tickFor(price) == 0;
    }

    private static void requirePositive(long price) {
        if (price <= 0) {
            throw new IllegalArgumentException("KRX price must be positive, got " + price);
        }
    }
}
