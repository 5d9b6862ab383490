package com.primejennie.shared.orders;

import java.util.Objects;

/**
 * Identifies one exit of one position, so a re-fired exit (price-monitor publishing the same stop-loss again while
 * the sell-executor is down) queues one sell, not N. The order service keeps an in-flight marker per key until the
 * sell reaches a final state.
 *
 * @param code            stock code
 * @param exitKind        the exit rule, e.g. {@code STOP_LOSS}, {@code TRAILING_TP}, {@code SCALE_OUT_L1}, {@code MANUAL}
 * @param positionVersion anything that changes when the position changes (e.g. its quantity and buy time), so the
 *                        same exit of a new position is a new key
 */
public record SellKey(String code, String exitKind, String positionVersion) {

    public SellKey {
        Objects.requireNonNull(code, "code");
        if (exitKind == null || exitKind.isBlank()) {
            throw new IllegalArgumentException("a sell key needs an exit kind (code " + code + ")");
        }
        positionVersion = positionVersion == null ? "" : positionVersion;
    }

    /** The marker's name part: {@code code:exitKind:positionVersion}. */
    public String asString() {
        return code + ":" + exitKind + ":" + positionVersion;
    }
}
