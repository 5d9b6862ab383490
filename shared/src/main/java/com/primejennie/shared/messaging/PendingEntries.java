package com.primejennie.shared.messaging;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * What the group's pending list says about single entries, read and changed atomically in one script call: who owns
 * an entry and how often Redis delivered it (its delivery count survives a crash of the worker, unlike a counter in
 * memory), and a re-delivery to this consumer that counts as one more delivery — only while the entry is still ours.
 */
final class PendingEntries {

    /** KEYS[1] stream, ARGV[1] group, ARGV[2..] ids: per id {owner, delivery count}, or nil when not pending. */
    private static final String OWNERS = """
            local r = {}
            for i = 2, #ARGV do
              local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1)
              if #p == 0 then r[i - 1] = false else r[i - 1] = {p[1][2], p[1][4]} end
            end
            return r""";
    /**
     * KEYS[1] stream, ARGV[1] group, ARGV[2] this consumer, ARGV[3] id: when the entry is pending for this consumer,
     * XCLAIMs it again (delivery count + 1, idle reset) and returns {new delivery count, entry or nil when it was
     * deleted from the stream}; an empty reply when it is not (any more) this consumer's.
     */
    private static final String REDELIVER = """
            local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
            if #p == 0 or p[1][2] ~= ARGV[2] then return {} end
            local e = redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3])
            return {p[1][4] + 1, e[1] or false}""";

    /** Who holds a pending entry and how many times it was delivered. */
    record Owner(String consumer, long deliveries) {
    }

    /** An entry delivered again to this consumer; {@code entry} is null when it was deleted from the stream. */
    record Redelivery(long deliveries, StreamMessage<String, String> entry) {
    }

    private final String stream;
    private final String group;
    private final String consumer;

    PendingEntries(String stream, String group, String consumer) {
        this.stream = stream;
        this.group = group;
        this.consumer = consumer;
    }

    /** The owner of each of {@code ids} that is pending; ids not pending in the group are absent. */
    Map<String, Owner> owners(StatefulRedisConnection<String, String> connection, List<String> ids) {
        Map<String, Owner> owners = new HashMap<>();
        if (ids.isEmpty()) {
            return owners;
        }
        String[] args = new String[ids.size() + 1];
        args[0] = group;
        for (int i = 0; i < ids.size(); i++) {
            args[i + 1] = ids.get(i);
        }
        List<Object> reply = connection.sync().eval(OWNERS, ScriptOutputType.MULTI, new String[] {stream}, args);
        for (int i = 0; i < ids.size() && i < reply.size(); i++) {
            if (reply.get(i) instanceof List<?> owner && owner.size() == 2) {
                owners.put(ids.get(i), new Owner(String.valueOf(owner.get(0)),
                        ConsumerGroupAdmin.asLong(owner.get(1))));
            }
        }
        return owners;
    }

    /** Delivers {@code id} to this consumer once more if it is still pending for it; null when it is not. */
    Redelivery redeliver(StatefulRedisConnection<String, String> connection, String id) {
        List<Object> reply = connection.sync().eval(REDELIVER, ScriptOutputType.MULTI, new String[] {stream},
                group, consumer, id);
        if (reply == null || reply.isEmpty()) {
            return null;
        }
        long deliveries = ConsumerGroupAdmin.asLong(reply.get(0));
        StreamMessage<String, String> entry = null;
        if (reply.size() > 1 && reply.get(1) instanceof List<?> raw && raw.size() == 2
                && raw.get(1) instanceof List<?> kv) {
            Map<String, String> body = new LinkedHashMap<>();
            for (int i = 0; i + 1 < kv.size(); i += 2) {
                body.put(String.valueOf(kv.get(i)), String.valueOf(kv.get(i + 1)));
            }
            entry = new StreamMessage<>(stream, String.valueOf(raw.get(0)), body);
        }
        return new Redelivery(deliveries, entry);
    }
}
