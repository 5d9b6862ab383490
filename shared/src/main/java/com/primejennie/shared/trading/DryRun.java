package com.primejennie.shared.trading;

/**
 * Whether orders are simulated instead of sent: the one answer the executors, the order service, the bot and the
 * dashboard all ask. The implementation resolves {@code trading:dryrun} when set, else env {@code DRY_RUN}, else the
 * profile's default ({@code mock} and {@code paper}: off; {@code real}: on until the operator turns it off).
 *
 * <p>When the answer cannot be read (Redis down and nothing cached) implementations answer {@code true} for buys'
 * sake: a simulated buy loses nothing, a real one sent by mistake does. Exits ask {@link #isActive()} too; a dry-run
 * exit is recorded, never sent.
 */
@FunctionalInterface
public interface DryRun {

    /** True when no order may reach the broker. */
    boolean isActive();
}
