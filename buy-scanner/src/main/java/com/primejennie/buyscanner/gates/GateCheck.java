package com.primejennie.buyscanner.gates;

/** One line of the snapshot's {@code risk_gate.checks} (spec §2.9): {@code {name, passed, value, threshold}}. */
public record GateCheck(String name, boolean passed, Object value, Object threshold) {
}
