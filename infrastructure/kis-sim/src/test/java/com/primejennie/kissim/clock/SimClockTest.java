package com.primejennie.kissim.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The simulator's movable view of the shared market clock. */
class SimClockTest {

    private final AtomicReference<Instant> shared = new AtomicReference<>(Instant.parse("2026-03-04T01:00:00Z"));
    private final SimClock clock = new SimClock(shared::get);

    @Test
    void followsTheSharedClockPlusAnOffset() {
        clock.set(Instant.parse("2026-03-05T00:00:00Z"));
        shared.set(shared.get().plusSeconds(30));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-05T00:00:30Z"));
        assertThat(clock.now().getHour()).isEqualTo(9); // KST
    }

    @Test
    void standsStillWhilePausedAndResumesFromWhereItStood() {
        clock.pause();
        Instant at = clock.instant();
        shared.set(shared.get().plusSeconds(600));
        assertThat(clock.instant()).isEqualTo(at);
        clock.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(at.plusSeconds(300));
        clock.resume();
        shared.set(shared.get().plusSeconds(1));
        assertThat(clock.instant()).isEqualTo(at.plusSeconds(301));
    }

    @Test
    void onlyMovesForward() {
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
