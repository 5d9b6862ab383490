package com.primejennie.scheduler.watchman;

/**
 * What one check found about one target.
 *
 * @param target the service, {@code feed}, or a heartbeat's name
 * @param up     whether it is healthy
 * @param detail why not (HTTP status, unreachable, component DOWN, key missing), or "UP"
 */
public record TargetStatus(String target, boolean up, String detail) {

    public static TargetStatus up(String target) {
        return new TargetStatus(target, true, "UP");
    }

    public static TargetStatus down(String target, String detail) {
        return new TargetStatus(target, false, detail);
    }
}
