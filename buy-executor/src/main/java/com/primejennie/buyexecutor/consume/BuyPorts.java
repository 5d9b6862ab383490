package com.primejennie.buyexecutor.consume;

import com.primejennie.buyexecutor.sizing.AtrCalculator;
import com.primejennie.shared.domain.SectorBudget;
import com.primejennie.shared.persistence.Position;
import com.primejennie.shared.persistence.StockMasterEntry;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * What the buy pipeline reads and locks, behind small interfaces so the decision is testable table by table; the
 * Redis/MariaDB/KIS implementations are in {@link BuyPortsConfiguration}.
 */
public final class BuyPorts {

    private BuyPorts() {
    }

    /** {@code trading:stop} / {@code trading:pause}; throws when unreadable (the pipeline fails closed). */
    public interface Flags {
        boolean stopActive();

        boolean pauseActive();
    }

    /** ACTIVE_PORTFOLIO and TRADELOG reads. */
    public interface Portfolio {
        List<Position> holdings();

        /** Distinct codes bought (TRADELOG BUY) since {@code fromUtc}. */
        int distinctBuysSince(LocalDateTime fromUtc);

        boolean boughtSince(String code, LocalDateTime sinceUtc);

        boolean soldSince(String code, LocalDateTime sinceUtc);
    }

    /** The per-stock lock and the cross-executor decision lock. */
    public interface Locks {
        /** {@code SET lock:buy:{code} 1 NX EX 180}; false when held. Throws when Redis fails. */
        boolean tryStockLock(String code);

        /** Runs {@code decision} while holding the one decision lock of every executor. */
        <T> T serialised(Supplier<T> decision);
    }

    /** Market, account and reference data. */
    public interface Market {
        /** Orderable cash (KRW); throws when unknown. */
        long orderableCash();

        OptionalLong currentPrice(String code);

        /** Minute bars, oldest first (may be empty). */
        List<AtrCalculator.Bar> minuteBars(String code);

        /** Daily bars, oldest first, up to {@code count}. */
        List<AtrCalculator.Bar> dailyBars(String code, int count);

        Optional<StockMasterEntry> master(String code);

        Optional<SectorBudget> sectorBudget();
    }

    /** Deletes the sell-side state of a stock after a buy ({@code high_watermark:} etc.). */
    public interface SellState {
        void reset(String code);
    }
}
