package com.primejennie.shared.notify;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Puts every notification on a bounded queue and delivers it from one sender thread, so no order, tick or watchdog
 * thread ever waits on Telegram (a slow or unreachable Bot API used to stall the caller for the HTTP timeout).
 *
 * <ul>
 *   <li>{@link #send}/{@link #sendCritical} return at once: {@code true} = queued (delivery is counted by the
 *       delegate's {@code jennie.notifications{outcome}}), {@code false} = not queued (delegate not configured, or the
 *       notifier is closed).</li>
 *   <li>One sender thread delivers in the order the messages were queued.</li>
 *   <li>Full queue: the <em>oldest non-critical</em> message is dropped (logged, counted in
 *       {@code jennie.notifications.dropped{reason=overflow}}); critical messages are never dropped by the queue: when
 *       only critical messages wait, a new critical one is still accepted (beyond the capacity), a new routine one is
 *       dropped.</li>
 *   <li>{@link #close()} stops accepting, lets the sender drain for at most {@code drainTimeout}, and counts what is
 *       left as {@code dropped{reason=shutdown}}.</li>
 * </ul>
 */
public final class AsyncNotifier implements Notifier, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AsyncNotifier.class);

    private final Notifier delegate;
    private final int capacity;
    private final Duration drainTimeout;
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private final Thread sender;
    private final Counter droppedOverflow;
    private final Counter droppedShutdown;
    private boolean closed;
    private boolean delivering;

    public AsyncNotifier(Notifier delegate, NotifyQueueProperties properties, MeterRegistry meters) {
        this.delegate = delegate;
        this.capacity = properties.capacity();
        this.drainTimeout = properties.drainTimeout();
        this.droppedOverflow = dropped(meters, "overflow");
        this.droppedShutdown = dropped(meters, "shutdown");
        Gauge.builder("jennie.notifications.queued", this, AsyncNotifier::queued)
                .description("Operator notifications waiting for the sender").register(meters);
        this.sender = new Thread(this::deliverLoop, "notify-sender");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    private static Counter dropped(MeterRegistry meters, String reason) {
        return Counter.builder("jennie.notifications.dropped")
                .description("Operator notifications dropped before delivery").tag("reason", reason).register(meters);
    }

    @Override
    public boolean send(String text) {
        return enqueue(text, false);
    }

    @Override
    public boolean sendCritical(String text) {
        return enqueue(text, true);
    }

    @Override
    public boolean canDeliver() {
        return delegate.canDeliver();
    }

    /** Messages waiting to be sent. */
    public synchronized int queued() {
        return queue.size();
    }

    /** Waits until every queued message has been handed to Telegram (or {@code timeout} passed); for tests. */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!queue.isEmpty() || delivering) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private boolean enqueue(String text, boolean critical) {
        if (!delegate.canDeliver()) {
            // Nothing could go out anyway: let the delegate log and count it, without a queue slot.
            return critical ? delegate.sendCritical(text) : delegate.send(text);
        }
        Message incoming = new Message(text, critical);
        Message dropped = null;
        boolean accepted = true;
        synchronized (this) {
            if (closed) {
                log.warn("notifier closed; not sent: {}", abbreviate(text));
                droppedShutdown.increment();
                return false;
            }
            if (queue.size() >= capacity) {
                dropped = removeOldestRoutine();
                if (dropped == null && !critical) {
                    dropped = incoming; // only critical messages wait: the new routine one is the oldest routine
                    accepted = false;
                }
            }
            if (accepted) {
                queue.addLast(incoming);
                notifyAll();
            }
        }
        if (dropped != null) {
            droppedOverflow.increment();
            log.warn("notification queue full ({} waiting) - dropped the oldest routine message: {}", capacity,
                    abbreviate(dropped.text()));
        }
        return accepted;
    }

    private Message removeOldestRoutine() {
        for (Iterator<Message> it = queue.iterator(); it.hasNext(); ) {
            Message m = it.next();
            if (!m.critical()) {
                it.remove();
                return m;
            }
        }
        return null;
    }

    private void deliverLoop() {
        while (true) {
            Message next;
            synchronized (this) {
                delivering = false;
                notifyAll();
                while (queue.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (queue.isEmpty()) {
                    return; // closed and drained
                }
                next = queue.pollFirst();
                delivering = true;
            }
            try {
                if (next.critical()) {
                    delegate.sendCritical(next.text());
                } else {
                    delegate.send(next.text());
                }
            } catch (RuntimeException e) {
                log.error("notification delivery failed: {}", e.toString());
            }
            if (Thread.currentThread().isInterrupted()) {
                synchronized (this) {
                    delivering = false;
                    notifyAll();
                }
                return;
            }
        }
    }

    /** Stops accepting, drains for at most {@code drainTimeout}, then gives up on what is left (counted, logged). */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
        }
        try {
            sender.join(drainTimeout.toMillis() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender.isAlive()) {
            sender.interrupt();
        }
        int left;
        synchronized (this) {
            left = queue.size();
            queue.clear();
        }
        if (left > 0) {
            droppedShutdown.increment(left);
            log.warn("notifier shut down with {} messages not sent (drain timeout {})", left, drainTimeout);
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return first.length() <= 80 ? first : first.substring(0, 80) + "…";
    }

    private record Message(String text, boolean critical) {
    }
}
