package com.primejennie.kissim.market;

/**
 * Stand-in for {@code com.primejennie.shared.market.TickSize} until branch core-market lands; same static API so the
 * swap is an import change. KRX tick bands (2023 reform, both markets).
 */
final class KrxTicks {

    private KrxTicks() {
    }

    static long tickFor(long price) {
        if (price < 2_000) return 1;
        if (price < 5_000) return 5;
        if (price < 20_000) return 10;
        if (price < 50_000) return 50;
        if (price < 200_000) return 100;
        if (price < 500_000) return 500;
        return 1_000;
    }

    static long roundDown(long price) {
        long tick = tickFor(price);
        return price - Math.floorMod(price, tick);
    }

    static long roundUp(long price) {
        long down = roundDown(price);
        return down == price ? price : roundDown(down + tickFor(down));
    }

    static boolean isValid(long price) {
        return price > 0 && price % tickFor(price) == 0;
    }
}
