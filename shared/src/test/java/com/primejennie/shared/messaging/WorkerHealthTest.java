package com.primejennie.shared.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WorkerHealthTest {

    private final WorkerHealth health = new WorkerHealth();

    @Test
    void aStoppedWorkerDoesNotCarryItsOldReconnectClockIntoTheNextStart() {
        health.reconnecting("Connection refused");
        health.stopped();
        assertThat(health.state()).isEqualTo(WorkerState.STOPPED);

        health.state(WorkerState.RECONNECTING); // restarted, not yet failed again
        assertThat(health.status("s", "g", "c", Duration.ofSeconds(30)).reconnectingFor()).isEqualTo(Duration.ZERO);
    }

    @Test
    void reconnectClockRunsFromTheFirstFailureUntilConnected() {
        health.reconnecting("first");
        health.reconnecting("second");
        assertThat(health.status("s", "g", "c", Duration.ofSeconds(30)).reconnectingFor()).isPositive();
        assertThat(health.lastError()).isEqualTo("second");

        health.connected();
        health.state(WorkerState.RUNNING);
        assertThat(health.status("s", "g", "c", Duration.ofSeconds(30)).reconnectingFor()).isEqualTo(Duration.ZERO);
        assertThat(health.lastError()).isNull();
    }
}
