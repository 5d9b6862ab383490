package com.primejennie.shared.messaging;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.micrometer.core.instrument.Counter;

/**
 * Finds the entries nobody is working on and hands them to the {@link BatchDispatcher}: this consumer's own pending
 * entries after a (re)connect ({@code XREADGROUP … 0}, left by a crash or a lost reply) and entries that dead
 * consumers left idle longer than the claim idle time ({@code XAUTOCLAIM}), so no unacknowledged entry is left behind.
 */
final class PendingRecovery {

    private static final Logger log = LoggerFactory.getLogger(TradingSignalWorker.class);
    /** Entries claimed per housekeeping pass at most (in rounds of the batch size), before reading new ones again. */
    private static final int MAX_CLAIMED_PER_PASS = 1_000;

    private final String stream;
    private final String name;
    private final io.lettuce.core.Consumer<String> self;
    private final StreamSettings settings;
    private final BatchDispatcher<?> dispatcher;
    private final StopSignal stop;
    private final Counter claimed;

    PendingRecovery(String stream, String group, String consumer, String name, StreamSettings settings,
                    BatchDispatcher<?> dispatcher, StopSignal stop, MessagingMetrics metrics) {
        this.stream = stream;
        this.name = name;
        this.self = io.lettuce.core.Consumer.from(group, consumer);
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.stop = stop;
        this.claimed = metrics.claimed(stream, group);
    }

    /** Handles this consumer's own pending entries (left by a crash or a lost reply). */
    void recoverOwnPending(StatefulRedisConnection<String, String> connection) {
        String cursor = "0";
        int total = 0;
        while (stop.running()) {
            List<StreamMessage<String, String>> entries = connection.sync().xreadgroup(self,
                    XReadArgs.Builder.count(settings.batchSize()), StreamOffset.from(stream, cursor));
            long readAt = System.nanoTime();
            if (entries == null || entries.isEmpty()) {
                break;
            }
            cursor = entries.get(entries.size() - 1).getId();
            total += entries.size();
            dispatcher.process(connection, entries, readAt, true);
        }
        if (total > 0) {
            log.info("{}: recovered {} own pending entr{}", name, total, total == 1 ? "y" : "ies");
        }
    }

    /** Claims (and handles) entries other consumers left idle longer than the claim idle time. */
    void claimIdleEntries(StatefulRedisConnection<String, String> connection) {
        String cursor = "0-0";
        int rounds = Math.max(1, MAX_CLAIMED_PER_PASS / settings.batchSize());
        for (int round = 0; round < rounds && stop.running(); round++) {
            ClaimedMessages<String, String> result = connection.sync().xautoclaim(stream,
                    new XAutoClaimArgs<String>().consumer(self).minIdleTime(settings.claimIdle()).startId(cursor)
                            .count(settings.batchSize()));
            long readAt = System.nanoTime();
            List<StreamMessage<String, String>> entries = result.getMessages();
            if (!entries.isEmpty()) {
                claimed.increment(entries.size());
                log.info("{}: claimed {} entr{} idle longer than {} from other consumers", name,
                        entries.size(), entries.size() == 1 ? "y" : "ies", settings.claimIdle());
                dispatcher.process(connection, entries, readAt, true);
            }
            cursor = result.getId();
            if (cursor == null || "0-0".equals(cursor)) {
                break;
            }
        }
    }
}
