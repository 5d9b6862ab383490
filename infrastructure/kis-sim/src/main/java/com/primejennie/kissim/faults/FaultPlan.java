package com.primejennie.kissim.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import com.primejennie.kissim.config.KisSimProperties;

/**
 * The faults a test has asked for: "make the next N calls (whose path contains X) fail like this". Consumed in the
 * order they were added. {@link #clear()} also releases requests currently held by TIMEOUT/LOST_RESPONSE.
 */
@Component
public class FaultPlan {

    /** One planned fault and how many calls it still breaks. */
    public record Fault(FaultKind kind, int remaining, String pathContains, Duration hold, String msgCd) {

        public Fault(FaultKind kind, int remaining, String pathContains, Duration hold) {
            this(kind, remaining, pathContains, hold, "");
        }
    }

    private final Duration defaultHold;
    private final List<Fault> faults = new ArrayList<>();
    private CountDownLatch release = new CountDownLatch(1);

    public FaultPlan(KisSimProperties props) {
        this.defaultHold = props.faults().hold();
    }

    public synchronized Fault add(FaultKind kind, int count, String pathContains, Duration hold) {
        return add(kind, count, pathContains, hold, "");
    }

    /** As above; {@code msgCd} is the msg_cd an HTTP_500 fault answers with ("" for KIS's bare body). */
    public synchronized Fault add(FaultKind kind, int count, String pathContains, Duration hold, String msgCd) {
        Fault f = new Fault(kind, Math.max(1, count), pathContains == null ? "" : pathContains,
                hold == null ? defaultHold : hold, msgCd == null ? "" : msgCd);
        faults.add(f);
        return f;
    }

    /** Takes one fault matching {@code path}, if any is planned. */
    public synchronized Optional<Fault> take(String path) {
        Iterator<Fault> it = faults.iterator();
        int i = 0;
        while (it.hasNext()) {
            Fault f = it.next();
            if (path.contains(f.pathContains())) {
                if (f.remaining() <= 1) {
                    it.remove();
                } else {
                    faults.set(i, new Fault(f.kind(), f.remaining() - 1, f.pathContains(), f.hold(), f.msgCd()));
                }
                return Optional.of(f);
            }
            i++;
        }
        return Optional.empty();
    }

    public synchronized List<Fault> pending() {
        return List.copyOf(faults);
    }

    public void clear() {
        CountDownLatch old;
        synchronized (this) {
            faults.clear();
            old = release;
            release = new CountDownLatch(1);
        }
        old.countDown();
    }

    /** Holds the calling request for {@code hold}, or until {@link #clear()}. */
    void hold(Duration hold) {
        CountDownLatch latch;
        synchronized (this) {
            latch = release;
        }
        try {
            latch.await(hold.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
