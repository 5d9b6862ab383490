package com.primejennie.shared.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-over between the WebSocket thread and the publisher thread, so the WebSocket thread never waits on Redis:
 * it only {@link #add}s, the publisher {@link #take}s and writes.
 *
 * <p>It holds the <b>latest tick per code</b>: a tick of a code that is still waiting is merged into it (price, time
 * and cumulative volume of the newer trade, the higher of the two highs, the <b>sum</b> of the per-trade volumes), so
 * Σvol over what is published equals Σvol over what KIS sent and nothing is ever dropped. That is also the overflow
 * policy: the buffer can hold at most one entry per subscribed code (≤ 41), however long Redis is away. What is lost
 * while the publisher lags is only the intermediate prices of a code between two publishes.
 *
 * <p>Thread-safe; one lock, held only for map operations.
 */
final class TickBuffer {

    private final LinkedHashMap<String, TradeTick> pending = new LinkedHashMap<>();
    private long coalesced;
    private long accepted;

    /** Adds the ticks of one frame, in order; merges each into a waiting tick of its code. Never blocks on I/O. */
    synchronized void add(List<TradeTick> ticks) {
        for (TradeTick tick : ticks) {
            TradeTick waiting = pending.get(tick.code());
            if (waiting == null) {
                pending.put(tick.code(), tick);
            } else {
                pending.put(tick.code(), merge(waiting, tick));
                coalesced++;
            }
            accepted++;
        }
        notifyAll();
    }

    /**
     * Removes and returns everything waiting, in the order the codes first arrived; waits up to {@code waitMillis}
     * for something to arrive (0 = do not wait). Empty when nothing came.
     */
    synchronized List<TradeTick> take(long waitMillis) throws InterruptedException {
        if (pending.isEmpty() && waitMillis > 0) {
            wait(waitMillis);
        }
        if (pending.isEmpty()) {
            return List.of();
        }
        List<TradeTick> out = new ArrayList<>(pending.values());
        pending.clear();
        return out;
    }

    /**
     * Returns ticks that could not be published: each goes back in front of (and is merged into) any newer tick of its
     * code that arrived meanwhile, so volumes are kept and the newest price wins.
     */
    synchronized void putBack(List<TradeTick> unpublished) {
        LinkedHashMap<String, TradeTick> merged = new LinkedHashMap<>();
        for (TradeTick tick : unpublished) {
            merged.merge(tick.code(), tick, TickBuffer::merge);
        }
        for (Map.Entry<String, TradeTick> newer : pending.entrySet()) {
            TradeTick older = merged.get(newer.getKey());
            if (older != null) {
                coalesced++;
            }
            merged.put(newer.getKey(), older == null ? newer.getValue() : merge(older, newer.getValue()));
        }
        pending.clear();
        pending.putAll(merged);
    }

    /** Wakes a waiting {@link #take} (shutdown, a fill notice to publish). */
    synchronized void wake() {
        notifyAll();
    }

    /** Codes waiting to be published. */
    synchronized int size() {
        return pending.size();
    }

    /** Ticks merged into a waiting tick of the same code so far. */
    synchronized long coalesced() {
        return coalesced;
    }

    /** Ticks added so far. */
    synchronized long accepted() {
        return accepted;
    }

    /** {@code newer} as seen after {@code older}: its price and time, the higher high, both volumes. */
    static TradeTick merge(TradeTick older, TradeTick newer) {
        return new TradeTick(newer.code(), newer.time(), newer.price(), Math.max(older.high(), newer.high()),
                older.volume() + newer.volume(), Math.max(older.cumulativeVolume(), newer.cumulativeVolume()),
                newer.businessDate().isEmpty() ? older.businessDate() : newer.businessDate());
    }
}
