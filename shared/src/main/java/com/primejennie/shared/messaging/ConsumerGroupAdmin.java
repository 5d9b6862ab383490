package com.primejennie.shared.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The group administration a worker does around its reads, kept apart from the read loop: create the group
 * ({@code MKSTREAM}, an existing group kept), remove consumers that are gone and own nothing (checked and deleted
 * atomically), read pending and lag.
 */
final class ConsumerGroupAdmin {

    /**
     * KEYS[1] stream, ARGV[1] group, ARGV[2] consumer, ARGV[3] gone after (ms): deletes the consumer only if it owns
     * no entry and has been idle that long, checked in the same atomic step; returns 1 when it was deleted.
     */
    private static final String DELETE_IF_GONE = """
            for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
              local f = {}
              for i = 1, #c, 2 do f[c[i]] = c[i + 1] end
              if f['name'] == ARGV[2] then
                if tonumber(f['pending']) == 0 and tonumber(f['idle']) >= tonumber(ARGV[3]) then
                  redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
                  return 1
                end
                return 0
              end
            end
            return 0""";

    private final String stream;
    private final String group;
    private final String self;
    private java.util.function.Consumer<List<String>> beforeRemoval = names -> { };

    ConsumerGroupAdmin(String stream, String group, String self) {
        this.stream = stream;
        this.group = group;
        this.self = self;
    }

    /** Creates the group at {@code startId}; returns false when it already existed (BUSYGROUP). */
    boolean ensureGroup(RedisCommands<String, String> redis, String startId) {
        try {
            redis.xgroupCreate(StreamOffset.from(stream, startId), group, new XGroupCreateArgs().mkstream(true));
            return true;
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("BUSYGROUP")) {
                return false;
            }
            throw e;
        }
    }

    /** Test seam: runs with the candidates for removal, before they are removed. */
    void beforeRemoval(java.util.function.Consumer<List<String>> hook) {
        this.beforeRemoval = java.util.Objects.requireNonNull(hook);
    }

    /**
     * Removes the other consumers idle at least {@code goneAfter} that own no entry; returns their names. The list
     * read first only names candidates: each is checked again and deleted in one script call, so a consumer that came
     * back in between (and read, so it owns entries again) is kept with its pending entries — {@code XGROUP
     * DELCONSUMER} would drop them from the pending list, and nobody would ever handle or claim them.
     */
    List<String> removeGoneConsumers(RedisCommands<String, String> redis, Duration goneAfter) {
        List<String> candidates = new ArrayList<>();
        for (Map<String, Object> info : infoMaps(redis.xinfoConsumers(stream, group))) {
            String name = String.valueOf(info.get("name"));
            if (!name.equals(self) && asLong(info.get("pending")) == 0
                    && asLong(info.get("idle")) >= goneAfter.toMillis()) {
                candidates.add(name);
            }
        }
        if (candidates.isEmpty()) {
            return candidates;
        }
        beforeRemoval.accept(candidates);
        List<String> removed = new ArrayList<>();
        for (String name : candidates) {
            Long answer = redis.eval(DELETE_IF_GONE, ScriptOutputType.INTEGER, new String[] {stream}, group, name,
                    Long.toString(goneAfter.toMillis()));
            if (answer != null && answer == 1) {
                removed.add(name);
            }
        }
        return removed;
    }

    /** Pending entries and lag of the group (lag -1 when Redis cannot tell), or null when the group is missing. */
    GroupInfo groupInfo(RedisCommands<String, String> redis) {
        for (Map<String, Object> info : infoMaps(redis.xinfoGroups(stream))) {
            if (group.equals(String.valueOf(info.get("name")))) {
                Object lag = info.get("lag");
                return new GroupInfo(asLong(info.get("pending")), lag == null ? -1 : asLong(lag));
            }
        }
        return null;
    }

    record GroupInfo(long pending, long lag) {
    }

    static long asLong(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return value == null ? 0 : Long.parseLong(String.valueOf(value));
    }

    private static List<Map<String, Object>> infoMaps(List<Object> raw) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object item : raw) {
            Map<String, Object> map = new HashMap<>();
            if (item instanceof List<?> kv) {
                for (int i = 0; i + 1 < kv.size(); i += 2) {
                    map.put(String.valueOf(kv.get(i)), kv.get(i + 1));
                }
            } else if (item instanceof Map<?, ?> m) {
                m.forEach((k, v) -> map.put(String.valueOf(k), v));
            }
            maps.add(map);
        }
        return maps;
    }
}
