package com.primejennie.shared.market;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Joining the shared simulation while Redis is not answering yet. Services started together (compose, the launcher,
 * a restart after a power cut) often reach this point before Redis accepts connections or while it is busy loading
 * its AOF; failing start-up then put compose into a crash loop. Only "Redis did not answer" is retried, with a
 * growing pause up to {@code timeout}; a real disagreement (another simulation runs, a malformed anchor) fails at
 * once, because waiting cannot fix it.
 */
final class AnchorJoin {

    private static final Logger log = LoggerFactory.getLogger(AnchorJoin.class);

    /** Pauses between attempts: 0.5 s, doubling, at most 5 s. */
    static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    /** How the retry waits; a test passes one that records instead of sleeping. */
    interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    static final Sleeper SLEEP = pause -> Thread.sleep(pause.toMillis());

    private AnchorJoin() {
    }

    static SimulationAnchor untilRedisAnswers(Supplier<SimulationAnchor> attempt, String key, Duration timeout,
                                              Sleeper sleeper) {
        Duration waited = Duration.ZERO;
        Duration pause = FIRST_PAUSE;
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                SimulationAnchor anchor = attempt.get();
                if (attempts > 1) {
                    log.info("joined the shared market clock ({}) after {} attempts", key, attempts);
                }
                return anchor;
            } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
                if (waited.plus(pause).compareTo(timeout) > 0) {
                    throw new IllegalStateException("Redis did not answer for the shared market clock (key " + key
                            + ") within " + timeout + " (" + attempts + " attempts; jennie.clock.join-timeout): "
                            + e.getMessage(), e);
                }
                log.warn("shared market clock ({}): Redis not answering ({}); trying again in {} ms", key,
                        e.getMessage(), pause.toMillis());
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Redis (shared market clock)", e);
                }
                waited = waited.plus(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
