import java.time.Instant;
import java.time.LocalDateTime;

import com.primejennie.shared.market.KrxCalendar;
import com.primejennie.shared.market.KrxSessionRules;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.market.TickSize;
import com.primejennie.shared.market.TradingCalendar;

/** Hot-path costs of the market rules: one tick's isMarketOpen, a nextOpen across a holiday run, a tick rounding. */
public class MarketBench {

    public static void main(String[] args) {
        TradingCalendar calendar = KrxCalendar.bundled(KrxSessionRules.defaults());
        Instant base = LocalDateTime.parse("2026-02-11T09:00").atZone(MarketClock.KST).toInstant();
        Instant beforeSeollal = LocalDateTime.parse("2026-02-13T15:30").atZone(MarketClock.KST).toInstant();
        int n = 5_000_000;
        for (int round = 0; round < 3; round++) {
            long sink = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += calendar.isMarketOpen(base.plusMillis(i * 7L)) ? 1 : 0;
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n / 10; i++) {
                sink += calendar.nextOpen(beforeSeollal.plusSeconds(i % 1000)).getDayOfMonth();
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += TickSize.roundUp(1_000 + (i % 900_000));
            }
            long t3 = System.nanoTime();
            System.out.printf("round %d: isMarketOpen %.0f ns/op, nextOpen(over 설날) %.0f ns/op, roundUp %.1f ns/op"
                    + " (sink %d)%n", round, (t1 - t0) / (double) n, (t2 - t1) / (double) (n / 10),
                    (t3 - t2) / (double) n, sink);
        }
    }
}
