package com.primejennie.pricemonitor.exits.engine;

import com.primejennie.shared.persistence.Position;
import java.util.Optional;

/**
 * The DB double-check before a sell is published (spec §1.9): the position's ACTIVE_PORTFOLIO row now, empty when the
 * DB no longer holds it; throws when the DB cannot be read (the engine then sells on the cached position: exits are
 * kept while MariaDB is down).
 */
@FunctionalInterface
public interface PositionCheck {

    Optional<Position> reload(String code);

    /** No double-check (benches and unit tests of the chain alone). */
    PositionCheck NONE = code -> {
        throw new UnsupportedOperationException("no DB double-check configured");
    };
}
