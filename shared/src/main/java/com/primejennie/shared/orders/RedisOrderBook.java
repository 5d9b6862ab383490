package com.primejennie.shared.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import com.primejennie.shared.kis.OrderSide;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live side of the order book in Redis, one hash per intent ({@code <prefix>order:<intentKey>}). Every state
 * change is one Lua script that checks, atomically, that the order is in one of the states the
 * {@link OrderStateMachine} allows for the event and that the caller owns it; ownership is a token with a lease on
 * Redis's own clock (real time, never the market clock), so one settler at a time acts on an intent.
 *
 * <p>Keys under the scope's prefix: {@code order:<key>} (hash), {@code open} (set of intents not final),
 * {@code dirty} (intents whose ledger row must be written to MariaDB), {@code unapplied} (intents with fills not yet
 * in TRADELOG/ACTIVE_PORTFOLIO: the journal kept while MariaDB is down), {@code claimed:<yyyyMMdd>} (order numbers
 * owned by an intent: claimed by whoever's SADD returned 1), {@code orderno:<no>} (order number → intent),
 * {@code sell:<code>:<exit>:<version>} (sell in flight), {@code halt:<code>} + {@code halts}, {@code reconciliation},
 * {@code buys:<yyyyMMdd>} (buy intents created that day), {@code fill-notices} (final orders with fills whose one
 * Telegram fill message nobody has claimed yet).
 *
 * <p>Fill message fields of the order hash: {@code watched_until} (Redis ms until which the handler that placed the
 * order is still expected to send its own fill message; refreshed by {@code submit} and {@code awaitFinal}) and
 * {@code fill_notice} (who claimed the one fill message: {@code handler} or {@code settler}; set once).
 */
public class RedisOrderBook {

    /** Fields of the order hash. */
    static final String STATE = "state", OWNER = "owner", LEASE = "lease_until", WATCHED = "watched_until",
            FILL_NOTICE = "fill_notice";

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CREATE = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return {0, ''} end
            if KEYS[3] ~= KEYS[1] then
              local other = redis.call('GET', KEYS[3])
              if other and other ~= ARGV[3] then
                local st = redis.call('HGET', ARGV[4] .. other, 'state')
                if st and st ~= 'FILLED' and st ~= 'REJECTED' and st ~= 'CANCELLED' and st ~= 'DRY_RUN' then
                  return {2, other}
                end
              end
              redis.call('SET', KEYS[3], ARGV[3])
            end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            for i = 5, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'lease_until', now + tonumber(ARGV[2]))
            redis.call('SADD', KEYS[2], ARGV[3])
            redis.call('SADD', KEYS[4], ARGV[3])
            return {1, ''}
            """, List.class);

    /*
     * KEYS: order, open, dirty, unapplied, sell marker (or the order key when none), fill notices
     * ARGV: owner ("" = no ownership needed), allowed from-states (comma list), new state, final (1/0),
     *       lease ms (>0 renew, 0 keep, -1 release), mark unapplied (1/0), intent key, retention ms, field pairs...
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TRANSITION = new DefaultRedisScript<>("""
            local st = redis.call('HGET', KEYS[1], 'state')
            if not st then return {0, 'MISSING', ''} end
            local owner = redis.call('HGET', KEYS[1], 'owner') or ''
            if ARGV[1] ~= '' and owner ~= ARGV[1] then return {0, st, owner} end
            local allowed = false
            for s in string.gmatch(ARGV[2], '[^,]+') do if s == st then allowed = true end end
            if not allowed then return {0, st, owner} end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            for i = 9, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('HSET', KEYS[1], 'state', ARGV[3])
            local lease = tonumber(ARGV[5])
            if lease > 0 then redis.call('HSET', KEYS[1], 'lease_until', now + lease) end
            if lease < 0 then redis.call('HSET', KEYS[1], 'owner', '', 'lease_until', 0) end
            redis.call('SADD', KEYS[3], ARGV[7])
            if ARGV[6] == '1' then redis.call('SADD', KEYS[4], ARGV[7]) end
            if ARGV[4] == '1' then
              if KEYS[5] ~= KEYS[1] and redis.call('GET', KEYS[5]) == ARGV[7] then redis.call('DEL', KEYS[5]) end
              if redis.call('HEXISTS', KEYS[1], 'fill_notice') == 0
                  and tonumber(redis.call('HGET', KEYS[1], 'filled_qty') or '0') > 0 then
                redis.call('SADD', KEYS[6], ARGV[7])
              end
            end
            return {1, ARGV[3], owner}
            """, List.class);

    /* KEYS: order. ARGV: token, lease ms, mode (acquire | touch). */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> LEASE_SCRIPT = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return {-1, '', 0} end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local owner = redis.call('HGET', KEYS[1], 'owner') or ''
            local untilMs = tonumber(redis.call('HGET', KEYS[1], 'lease_until') or '0')
            if owner == ARGV[1] or (ARGV[3] == 'acquire' and (owner == '' or untilMs < now)) then
              redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'lease_until', now + tonumber(ARGV[2]))
              return {1, ARGV[1], tonumber(ARGV[2])}
            end
            return {0, owner, untilMs - now}
            """, List.class);

    /* KEYS: order. ARGV: horizon ms. Moves watched_until forward (never back) on Redis's clock. */
    private static final RedisScript<Long> WATCH = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local untilMs = now + tonumber(ARGV[1])
            if untilMs > tonumber(redis.call('HGET', KEYS[1], 'watched_until') or '0') then
              redis.call('HSET', KEYS[1], 'watched_until', untilMs)
            end
            return 1
            """, Long.class);

    /*
     * KEYS: order, fill notices. ARGV: intent key, claimant (handler | settler).
     * Returns -1 no such order, 0 already claimed, 2 still watched by its handler (settler only), 1 claimed now.
     */
    private static final RedisScript<Long> CLAIM_FILL_NOTICE = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 0 then
              redis.call('SREM', KEYS[2], ARGV[1])
              return -1
            end
            if redis.call('HEXISTS', KEYS[1], 'fill_notice') == 1 then
              redis.call('SREM', KEYS[2], ARGV[1])
              return 0
            end
            if ARGV[2] == 'settler' then
              local t = redis.call('TIME')
              local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
              if tonumber(redis.call('HGET', KEYS[1], 'watched_until') or '0') > now then return 2 end
            end
            redis.call('HSET', KEYS[1], 'fill_notice', ARGV[2])
            redis.call('SREM', KEYS[2], ARGV[1])
            return 1
            """, Long.class);

    private static final RedisScript<Long> RELEASE = new DefaultRedisScript<>("""
            if redis.call('HGET', KEYS[1], 'owner') == ARGV[1] then
              redis.call('HSET', KEYS[1], 'owner', '', 'lease_until', 0)
              return 1
            end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final OrderScope scope;
    private final String p;

    public RedisOrderBook(StringRedisTemplate redis, JsonMapper json, OrderScope scope) {
        this.redis = redis;
        this.json = json;
        this.scope = scope;
        this.p = scope.prefix();
    }

    public OrderScope scope() {
        return scope;
    }

    String orderKey(String intentKey) {
        return p + "order:" + intentKey;
    }

    /** The outcome of {@link #create}. */
    record Created(boolean created, String duplicateOf) {
    }

    /** Writes a new intent in INTENDED, owned by {@code token}; refuses when the key exists or the sell is in flight. */
    Created create(OrderRecord order, String token, Duration lease, String windowStartMs, SellKey sellKey,
                   String reasonText, String strategySignal, String day) {
        Map<String, String> fields = toFields(order);
        fields.put("window_start", windowStartMs);
        fields.put("trade_reason", reasonText);
        fields.put("strategy_signal", strategySignal);
        fields.put("sell_key", sellKey == null ? "" : sellKey.asString());
        List<String> args = new ArrayList<>(List.of(token, String.valueOf(lease.toMillis()), order.intentKey(),
                p + "order:"));
        fields.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        String markerKey = sellKey == null ? orderKey(order.intentKey()) : sellMarkerKey(sellKey);
        List<?> r = redis.execute(CREATE, List.of(orderKey(order.intentKey()), p + "open", markerKey, p + "dirty"),
                args.toArray());
        long code = ((Number) r.get(0)).longValue();
        if (code == 1 && order.side() == OrderSide.BUY && order.state() != OrderState.DRY_RUN) {
            redis.opsForSet().add(p + "buys:" + day, order.intentKey());
            redis.expire(p + "buys:" + day, Duration.ofDays(3));
        }
        return new Created(code == 1, code == 2 ? String.valueOf(r.get(1)) : "");
    }

    /** The result of a transition script: whether it applied, and the state and owner it found. */
    record Moved(boolean applied, String state, String owner) {
    }

    /**
     * Moves {@code intentKey} by {@code event} to {@code next} (checked against the table here and atomically in
     * Redis), writing {@code fields}; {@code owner} must hold the intent unless it is "".
     */
    Moved transition(String intentKey, String owner, OrderStateMachine.Event event, OrderState next,
                     Map<String, String> fields, long leaseMs, boolean unappliedFills) {
        String from = OrderStateMachine.from(event).stream().map(Enum::name).collect(Collectors.joining(","));
        if (OrderStateMachine.from(event).stream().noneMatch(s -> OrderStateMachine.allows(s, event, next))) {
            throw new IllegalOrderTransitionException(OrderStateMachine.from(event).iterator().next(), event, next);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        String sellKey = field(intentKey, "sell_key");
        List<String> args = new ArrayList<>(List.of(owner, from, next.name(), next.isFinal() ? "1" : "0",
                String.valueOf(leaseMs), unappliedFills ? "1" : "0", intentKey, "0"));
        all.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        String markerKey = sellKey == null || sellKey.isEmpty() ? orderKey(intentKey) : p + "sell:" + sellKey;
        List<?> r = redis.execute(TRANSITION, List.of(orderKey(intentKey), p + "open", p + "dirty",
                p + "unapplied", markerKey, fillNoticesKey()), args.toArray());
        boolean applied = ((Number) r.get(0)).longValue() == 1;
        if (applied) {
            // a final order leaves the open set once nothing more can arrive (see closeOut)
            if (next.isFinal() && next != OrderState.CANCELLED) {
                closeOut(intentKey);
            }
        }
        return new Moved(applied, String.valueOf(r.get(1)), String.valueOf(r.get(2)));
    }

    /** Takes {@code intentKey} out of the open set and lets it expire after the retention. */
    void closeOut(String intentKey) {
        redis.opsForSet().remove(p + "open", intentKey);
        redis.expire(orderKey(intentKey), Duration.ofDays(7));
    }

    /** Updates non-state fields of an order the caller owns (or "" for none). */
    void update(String intentKey, Map<String, String> fields) {
        redis.opsForHash().putAll(orderKey(intentKey), fields);
        redis.opsForSet().add(p + "dirty", intentKey);
    }

    /** Acquires (or renews) the lease on {@code intentKey}; false when another owner holds a live lease. */
    boolean acquire(String intentKey, String token, Duration lease) {
        return tryAcquire(intentKey, token, lease) == Lease.HELD;
    }

    /** The outcome of {@link #tryAcquire}. */
    enum Lease { HELD, BUSY, NO_ORDER }

    /** As {@link #acquire}, telling a live lease of another owner from an order the book no longer has. */
    Lease tryAcquire(String intentKey, String token, Duration lease) {
        List<?> r = redis.execute(LEASE_SCRIPT, List.of(orderKey(intentKey)), token,
                String.valueOf(lease.toMillis()), "acquire");
        long code = ((Number) r.get(0)).longValue();
        return code == 1 ? Lease.HELD : code == 0 ? Lease.BUSY : Lease.NO_ORDER;
    }

    /** Marks {@code intentKey} as watched by the handler that placed it for {@code horizon} from now. */
    void watch(String intentKey, Duration horizon) {
        redis.execute(WATCH, List.of(orderKey(intentKey)), String.valueOf(horizon.toMillis()));
    }

    /** The outcome of {@link #claimFillNotice}. */
    enum NoticeClaim { CLAIMED, TAKEN, WATCHED, NO_ORDER }

    /**
     * Claims the one fill message of {@code intentKey} for {@code claimant} ({@code handler} or {@code settler});
     * the settler's claim is refused while the handler still watches the order.
     */
    NoticeClaim claimFillNotice(String intentKey, String claimant) {
        Long r = redis.execute(CLAIM_FILL_NOTICE, List.of(orderKey(intentKey), fillNoticesKey()), intentKey,
                claimant);
        long code = r == null ? 0 : r;
        return code == 1 ? NoticeClaim.CLAIMED : code == 2 ? NoticeClaim.WATCHED
                : code == -1 ? NoticeClaim.NO_ORDER : NoticeClaim.TAKEN;
    }

    /** Final orders with fills whose fill message nobody has claimed yet. */
    Set<String> fillNoticesDue() {
        Set<String> s = redis.opsForSet().members(fillNoticesKey());
        return s == null ? Set.of() : s;
    }

    private String fillNoticesKey() {
        return p + "fill-notices";
    }

    /** Renews the lease only if {@code token} holds it (just before an HTTP write). */
    boolean touch(String intentKey, String token, Duration lease) {
        List<?> r = redis.execute(LEASE_SCRIPT, List.of(orderKey(intentKey)), token,
                String.valueOf(lease.toMillis()), "touch");
        return ((Number) r.get(0)).longValue() == 1;
    }

    void release(String intentKey, String token) {
        redis.execute(RELEASE, List.of(orderKey(intentKey)), token);
    }

    Optional<OrderRecord> find(String intentKey) {
        Map<Object, Object> h = redis.opsForHash().entries(orderKey(intentKey));
        return h.isEmpty() ? Optional.empty() : Optional.of(fromFields(h));
    }

    String field(String intentKey, String name) {
        Object v = redis.opsForHash().get(orderKey(intentKey), name);
        return v == null ? null : v.toString();
    }

    Map<String, String> raw(String intentKey) {
        Map<String, String> out = new LinkedHashMap<>();
        redis.opsForHash().entries(orderKey(intentKey)).forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    Set<String> open() {
        Set<String> s = redis.opsForSet().members(p + "open");
        return s == null ? Set.of() : s;
    }

    Set<String> dirty() {
        Set<String> s = redis.opsForSet().members(p + "dirty");
        return s == null ? Set.of() : s;
    }

    void clean(String intentKey) {
        redis.opsForSet().remove(p + "dirty", intentKey);
    }

    Set<String> unapplied() {
        Set<String> s = redis.opsForSet().members(p + "unapplied");
        return s == null ? Set.of() : s;
    }

    void applied(String intentKey, long appliedQty) {
        redis.opsForHash().put(orderKey(intentKey), "applied_qty", String.valueOf(appliedQty));
        String filled = field(intentKey, "filled_qty");
        if (filled == null || Long.parseLong(filled) <= appliedQty) {
            redis.opsForSet().remove(p + "unapplied", intentKey);
        }
    }

    Set<String> buysOn(String day) {
        Set<String> s = redis.opsForSet().members(p + "buys:" + day);
        return s == null ? Set.of() : s;
    }

    /** Claims order number {@code orderNo} for {@code intentKey}: true only for the one whose SADD returned 1. */
    boolean claim(String day, String orderNo, String intentKey) {
        Long added = redis.opsForSet().add(p + "claimed:" + day, orderNo);
        redis.expire(p + "claimed:" + day, Duration.ofDays(3));
        if (added != null && added == 1) {
            redis.opsForValue().set(p + "orderno:" + orderNo, intentKey, Duration.ofDays(7));
            return true;
        }
        return intentKey.equals(redis.opsForValue().get(p + "orderno:" + orderNo));
    }

    boolean isClaimed(String day, String orderNo) {
        return Boolean.TRUE.equals(redis.opsForSet().isMember(p + "claimed:" + day, orderNo));
    }

    Optional<String> intentOfOrderNo(String orderNo) {
        return Optional.ofNullable(redis.opsForValue().get(p + "orderno:" + orderNo));
    }

    String sellMarkerKey(SellKey key) {
        return p + "sell:" + key.asString();
    }

    Optional<String> sellMarker(SellKey key) {
        return Optional.ofNullable(redis.opsForValue().get(sellMarkerKey(key)));
    }

    // --- halts and reconciliation (read by RedisOrderSafetyView) ---

    String haltKey(String code) {
        return p + "halt:" + code;
    }

    String haltsKey() {
        return p + "halts";
    }

    String reconciliationKey() {
        return p + "reconciliation";
    }

    /** Halts {@code halt.code()}; keeps the first halt if one is in place. */
    void halt(Halt halt) {
        Boolean set = redis.opsForValue().setIfAbsent(haltKey(halt.code()), json.writeValueAsString(halt));
        redis.opsForSet().add(haltsKey(), halt.code());
        if (Boolean.TRUE.equals(set)) {
            return;
        }
    }

    /** Lifts the halt on {@code code} if {@code intentKey} caused it ("" lifts any). */
    boolean liftHalt(String code, String intentKey) {
        String value = redis.opsForValue().get(haltKey(code));
        if (value == null) {
            redis.opsForSet().remove(haltsKey(), code);
            return false;
        }
        Halt h = json.readValue(value, Halt.class);
        if (!intentKey.isEmpty() && !h.intentKey().equals(intentKey)) {
            return false;
        }
        redis.delete(haltKey(code));
        redis.opsForSet().remove(haltsKey(), code);
        return true;
    }

    void saveReconciliation(Reconciliation r) {
        redis.opsForValue().set(reconciliationKey(), json.writeValueAsString(r));
    }

    // --- mapping ---

    Map<String, String> toFields(OrderRecord o) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("intent_key", o.intentKey());
        m.put("mode", o.tradingMode());
        m.put("account", o.account());
        m.put("source", o.source());
        m.put("code", o.code());
        m.put("name", o.stockName());
        m.put("side", o.side().name());
        m.put("qty", String.valueOf(o.quantity()));
        m.put("type", o.type().name());
        m.put("limit_price", String.valueOf(o.limitPrice()));
        m.put("ref_price", String.valueOf(o.referencePrice()));
        m.put("limit_deadline", o.limitDeadline() == null ? "" : String.valueOf(o.limitDeadline().toEpochMilli()));
        m.put("order_no", o.orderNo());
        m.put(STATE, o.state().name());
        m.put("filled_qty", String.valueOf(o.filledQuantity()));
        m.put("filled_amount", String.valueOf(o.filledAmount()));
        m.put("fee", String.valueOf(o.fee()));
        m.put("tax", String.valueOf(o.tax()));
        m.put("sends", String.valueOf(o.sends()));
        m.put("cancel_requested", o.cancelRequested() ? "1" : "0");
        m.put("reason", o.reason());
        m.put("created", String.valueOf(o.createdAt().toEpochMilli()));
        m.put("updated", String.valueOf(o.updatedAt().toEpochMilli()));
        m.put("key_metrics", json.writeValueAsString(o.keyMetrics()));
        return m;
    }

    OrderRecord fromFields(Map<Object, Object> raw) {
        Map<String, String> h = new LinkedHashMap<>();
        raw.forEach((k, v) -> h.put(k.toString(), v.toString()));
        long filledQty = num(h, "filled_qty");
        long filledAmount = num(h, "filled_amount");
        BigDecimal avg = filledQty == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(filledAmount).divide(BigDecimal.valueOf(filledQty), 4, RoundingMode.HALF_UP);
        String deadline = h.getOrDefault("limit_deadline", "");
        Map<String, Object> metrics = h.getOrDefault("key_metrics", "").isEmpty() ? Map.of()
                : json.readValue(h.get("key_metrics"), new TypeReference<Map<String, Object>>() { });
        return new OrderRecord(h.get("intent_key"), h.get("mode"), h.get("account"), h.get("source"), h.get("code"),
                h.getOrDefault("name", ""), OrderSide.valueOf(h.get("side")), num(h, "qty"),
                OrderType.valueOf(h.get("type")), num(h, "limit_price"), num(h, "ref_price"),
                deadline.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(deadline)),
                h.getOrDefault("order_no", ""), OrderState.valueOf(h.get(STATE)), filledQty, filledAmount, avg,
                num(h, "fee"), num(h, "tax"), (int) num(h, "sends"), "1".equals(h.get("cancel_requested")),
                h.getOrDefault("reason", ""), Instant.ofEpochMilli(num(h, "created")),
                Instant.ofEpochMilli(num(h, "updated")), metrics);
    }

    static long num(Map<String, String> h, String field) {
        String v = h.get(field);
        return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
    }
}
