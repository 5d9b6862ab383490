package com.primejennie.shared.bootstrap;

/** One external dependency that {@link DependencyWatch} checks: a name, where it is, and what is wrong now. */
public interface DependencyProbe {

    /** Short human name, e.g. {@code Redis}. */
    String name();

    /** Where it is expected, with any password masked. */
    String target();

    /** {@code null} when the dependency answers, otherwise a one-line description of the failure. */
    String problem();
}
