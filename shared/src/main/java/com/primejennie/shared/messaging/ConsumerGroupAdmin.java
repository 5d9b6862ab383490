package com.primejennie.shared.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The group administration a worker does around its reads, kept apart from the read loop: create the group
 * ({@code MKSTREAM}, an existing group kept), remove consumers that are gone and own nothing, read pending and lag.
 */
final class ConsumerGroupAdmin {

    private final String stream;
    private final String group;
    private final String self;

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

    /** Removes the other consumers idle at least {@code goneAfter} that own no entry; returns their names. */
    List<String> removeGoneConsumers(RedisCommands<String, String> redis, Duration goneAfter) {
        List<String> removed = new ArrayList<>();
        for (Map<String, Object> info : infoMaps(redis.xinfoConsumers(stream, group))) {
            String name = String.valueOf(info.get("name"));
            if (!name.equals(self) && asLong(info.get("pending")) == 0
                    && asLong(info.get("idle")) >= goneAfter.toMillis()) {
                redis.xgroupDelconsumer(stream, Consumer.from(group, name));
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
