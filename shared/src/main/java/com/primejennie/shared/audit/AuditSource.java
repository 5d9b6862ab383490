package com.primejennie.shared.audit;

/** Who issued a command, as stored in {@code COMMAND_AUDIT.SOURCE}. */
public enum AuditSource {
    TELEGRAM("telegram"),
    DASHBOARD("dashboard");

    private final String wire;

    AuditSource(String wire) {
        this.wire = wire;
    }

    /** The stored (lower-case) spelling. */
    public String wire() {
        return wire;
    }

    public static AuditSource fromWire(String value) {
        for (AuditSource s : values()) {
            if (s.wire.equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown audit source '" + value + "', expected telegram or dashboard");
    }
}
