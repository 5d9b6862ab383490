package com.primejennie.pricemonitor.exits.positions;

import com.primejennie.shared.persistence.Position;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The positions the exits watch, cached in memory and refreshed from ACTIVE_PORTFOLIO, so exits keep working while
 * MariaDB is down (a failed refresh keeps the last known book). A full-exit signal parks the position for the rewatch
 * delay; if the DB still holds it afterwards, it is watched again (spec §6.3 [REC]), unlike Python, which dropped it
 * until the next restart.
 */
public final class PositionBook {

    /** A watched position: the DB row and the quantity left after partial signals since the last refresh. */
    public record Watched(Position position, long quantity) {
    }

    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final Map<String, Instant> parkedUntil = new ConcurrentHashMap<>();
    private final Duration rewatchDelay;

    public PositionBook(Duration rewatchDelay) {
        this.rewatchDelay = rewatchDelay;
    }

    /** Replaces the book with the DB's rows (quantity > 0), except positions parked after a full exit. */
    public void refresh(List<Position> rows, Instant now) {
        parkedUntil.entrySet().removeIf(e -> !now.isBefore(e.getValue()));
        Map<String, Watched> next = new ConcurrentHashMap<>();
        for (Position p : rows) {
            if (p.quantity() > 0 && !parkedUntil.containsKey(p.stockCode())) {
                next.put(p.stockCode(), new Watched(p, p.quantity()));
            }
        }
        watched.keySet().retainAll(next.keySet());
        watched.putAll(next);
    }

    public Watched get(String code) {
        return watched.get(code);
    }

    public int size() {
        return watched.size();
    }

    /** After a partial signal: the cached quantity shrinks until the next refresh brings the DB's (fill-based) one. */
    public void reduce(String code, long sold) {
        watched.computeIfPresent(code, (c, w) -> new Watched(w.position(), Math.max(0, w.quantity() - sold)));
    }

    /** The DB no longer holds it (§1.9 double-check): stop watching until a refresh shows it again. */
    public void drop(String code) {
        watched.remove(code);
    }

    /** The DB's row differs from the cached one (§1.9 double-check): take the DB's row and quantity. */
    public void replace(Position p) {
        watched.put(p.stockCode(), new Watched(p, p.quantity()));
    }

    /** After a full-exit signal: stop watching until the rewatch delay passed and the DB still holds it. */
    public void park(String code, Instant now) {
        watched.remove(code);
        parkedUntil.put(code, now.plus(rewatchDelay));
    }
}
