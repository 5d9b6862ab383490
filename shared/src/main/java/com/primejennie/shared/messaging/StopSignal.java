package com.primejennie.shared.messaging;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one switch every part of a worker checks between two steps, so a stop is seen between any two messages and
 * ends a reconnect backoff at once; it also remembers when the stop was asked for, which bounds the drain of
 * already-acknowledged messages.
 */
final class StopSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean running;
    private volatile long stopRequestedAt;

    boolean running() {
        return running;
    }

    void start() {
        running = true;
    }

    /** Records the stop time first, then clears the switch (readers that see it cleared see the time). */
    void requestStop() {
        stopRequestedAt = System.nanoTime();
        running = false;
    }

    void finished() {
        running = false;
    }

    /** The {@link System#nanoTime()} after which acknowledged messages are dead-lettered instead of handled. */
    long drainDeadline(Duration stopTimeout) {
        long budget = stopTimeout.toNanos() * 4 / 5;
        return stopRequestedAt + budget;
    }

    /** Sleeps for {@code delay} unless stopped first; an interrupt counts as a stop. */
    void sleepUnlessStopped(Duration delay) {
        long deadline = System.nanoTime() + delay.toNanos();
        lock.lock();
        try {
            while (running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wake.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes a sleeping backoff so it sees the stop. */
    void signal() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
