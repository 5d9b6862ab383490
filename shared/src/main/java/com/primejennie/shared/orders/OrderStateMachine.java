package com.primejennie.shared.orders;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static com.primejennie.shared.orders.OrderState.ACCEPTED;
import static com.primejennie.shared.orders.OrderState.CANCELLED;
import static com.primejennie.shared.orders.OrderState.DRY_RUN;
import static com.primejennie.shared.orders.OrderState.FILLED;
import static com.primejennie.shared.orders.OrderState.INTENDED;
import static com.primejennie.shared.orders.OrderState.PARTIALLY_FILLED;
import static com.primejennie.shared.orders.OrderState.REJECTED;
import static com.primejennie.shared.orders.OrderState.SENT;
import static com.primejennie.shared.orders.OrderState.UNKNOWN;

/**
 * The order protocol as one table (after NautilusTrader's order model): every event names the states it may move an
 * order from and the state it moves it to; anything else is an {@link IllegalOrderTransitionException}, never a
 * silent overwrite. The Redis script of each transition checks the same "from" set atomically.
 *
 * <pre>
 * INTENDED --SEND--------------> SENT            (lease owner, just before the HTTP write)
 * INTENDED --DRY_RUN-----------> DRY_RUN
 * INTENDED --REFUSE------------> REJECTED        (blocked by a halt or mismatch, before anything was sent)
 * SENT     --NOT_SENT----------> INTENDED        (failed before the request was written: budget, breaker, token, refused)
 * SENT     --ACCEPT------------> ACCEPTED        (KIS answered with an order number)
 * SENT     --REJECT------------> REJECTED        (rt_cd != 0 on 2xx, or a known business code)
 * SENT     --LOSE_ANSWER-------> UNKNOWN         (timeout, 5xx, unknown gateway code, a dead owner)
 * UNKNOWN  --ACCEPT------------> ACCEPTED        (settled: today's orders list it, claimed by SADD)
 * UNKNOWN  --RESEND------------> SENT            (sells only, after the whole window listed nothing)
 * UNKNOWN  --NEVER_ARRIVED-----> REJECTED        (the day closed and KIS never listed it)
 * ACCEPTED, PARTIALLY_FILLED --FILL--> PARTIALLY_FILLED | FILLED
 * ACCEPTED, PARTIALLY_FILLED --CANCEL_CONFIRMED--> CANCELLED   (KIS lists no unfilled rest)
 * CANCELLED --LATE_FILL--------> CANCELLED | FILLED            (fills that arrived after the cancel request)
 * </pre>
 */
public final class OrderStateMachine {

    /** What happened to an order. */
    public enum Event { SEND, DRY_RUN, REFUSE, NOT_SENT, ACCEPT, REJECT, LOSE_ANSWER, RESEND, NEVER_ARRIVED, FILL,
        CANCEL_CONFIRMED, LATE_FILL }

    private static final Map<Event, Set<OrderState>> FROM = new EnumMap<>(Event.class);
    private static final Map<Event, Set<OrderState>> TO = new EnumMap<>(Event.class);

    static {
        rule(Event.SEND, EnumSet.of(INTENDED), EnumSet.of(SENT));
        rule(Event.DRY_RUN, EnumSet.of(INTENDED), EnumSet.of(DRY_RUN));
        rule(Event.REFUSE, EnumSet.of(INTENDED), EnumSet.of(REJECTED));
        rule(Event.NOT_SENT, EnumSet.of(SENT), EnumSet.of(INTENDED));
        rule(Event.ACCEPT, EnumSet.of(SENT, UNKNOWN), EnumSet.of(ACCEPTED));
        rule(Event.REJECT, EnumSet.of(SENT), EnumSet.of(REJECTED));
        rule(Event.LOSE_ANSWER, EnumSet.of(SENT), EnumSet.of(UNKNOWN));
        rule(Event.RESEND, EnumSet.of(UNKNOWN), EnumSet.of(SENT));
        rule(Event.NEVER_ARRIVED, EnumSet.of(UNKNOWN), EnumSet.of(REJECTED));
        rule(Event.FILL, EnumSet.of(ACCEPTED, PARTIALLY_FILLED), EnumSet.of(PARTIALLY_FILLED, FILLED));
        rule(Event.CANCEL_CONFIRMED, EnumSet.of(ACCEPTED, PARTIALLY_FILLED), EnumSet.of(CANCELLED));
        rule(Event.LATE_FILL, EnumSet.of(CANCELLED), EnumSet.of(CANCELLED, FILLED));
    }

    private OrderStateMachine() {
    }

    private static void rule(Event event, Set<OrderState> from, Set<OrderState> to) {
        FROM.put(event, from);
        TO.put(event, to);
    }

    /** The states {@code event} may move an order from. */
    public static Set<OrderState> from(Event event) {
        return FROM.get(event);
    }

    /**
     * Checks that {@code event} may move an order from {@code current} to {@code next}, and returns {@code next}.
     *
     * @throws IllegalOrderTransitionException when the table does not allow it
     */
    public static OrderState transition(OrderState current, Event event, OrderState next) {
        if (!FROM.get(event).contains(current) || !TO.get(event).contains(next)) {
            throw new IllegalOrderTransitionException(current, event, next);
        }
        return next;
    }

    /** Whether the table allows {@code current --event--> next}. */
    public static boolean allows(OrderState current, Event event, OrderState next) {
        return FROM.get(event).contains(current) && TO.get(event).contains(next);
    }

    /** The state a fill leaves an order in: FILLED when nothing is left, else PARTIALLY_FILLED (CANCELLED if so). */
    public static OrderState afterFill(OrderState current, long filled, long quantity) {
        if (filled >= quantity) {
            return FILLED;
        }
        return current == CANCELLED ? CANCELLED : PARTIALLY_FILLED;
    }
}
