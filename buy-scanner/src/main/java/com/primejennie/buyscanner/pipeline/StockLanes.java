package com.primejennie.buyscanner.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serializes each stock's work while stocks run in parallel: a stock always runs on the same single-threaded lane
 * (by its code's hash), so its bars, pending confirmation and cooldown decision never race. A full lane makes the
 * submitter wait (the stream reader), it never drops or reorders a tick. A task that throws is logged and the lane
 * goes on. With 0 lanes every task runs inline on the caller's thread (the stream reader): one thread for all
 * stocks, no hand-over — the fastest on a small, busy machine; callers still lock per stock for the timer thread.
 */
public final class StockLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StockLanes.class);

    private final List<ThreadPoolExecutor> lanes = new ArrayList<>();

    public StockLanes(int count, int capacity) {
        for (int i = 0; i < count; i++) {
            int n = i;
            ThreadPoolExecutor lane = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(capacity), r -> {
                        Thread t = new Thread(r, "scanner-lane-" + n);
                        t.setDaemon(true);
                        return t;
                    }, (task, executor) -> {
                        if (executor.isShutdown()) {
                            return;
                        }
                        try {
                            executor.getQueue().put(task);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
            lanes.add(lane);
        }
    }

    private ThreadPoolExecutor laneOf(String code) {
        return lanes.get(Math.floorMod(code.hashCode(), lanes.size()));
    }

    /** Runs {@code task} on {@code code}'s lane, after everything submitted for it before. */
    public void submit(String code, Runnable task) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("scanner work for {} failed: {}", code, e.toString(), e);
            }
        };
        if (lanes.isEmpty()) {
            guarded.run();
            return;
        }
        laneOf(code).execute(guarded);
    }

    /** Waits until every task submitted before this call has run (tests and the benchmark). */
    public void drain(Duration timeout) throws Exception {
        List<Future<?>> marks = new ArrayList<>();
        for (ExecutorService lane : lanes) {
            marks.add(lane.submit(() -> { }));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<?> mark : marks) {
            mark.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /** Ticks waiting, over all lanes. */
    public int queued() {
        int n = 0;
        for (ThreadPoolExecutor lane : lanes) {
            n += lane.getQueue().size();
        }
        return n;
    }

    @Override
    public void close() {
        for (ThreadPoolExecutor lane : lanes) {
            lane.shutdown();
        }
        for (ThreadPoolExecutor lane : lanes) {
            try {
                lane.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
