package com.primejennie.kissim.websocket;

import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.primejennie.kissim.clock.SimClock;
import com.primejennie.kissim.config.KisSimProperties;
import com.primejennie.kissim.market.MarketListener;
import com.primejennie.kissim.market.MarketSimulator;
import com.primejennie.kissim.market.Trade;
import com.primejennie.kissim.orders.Exchange;
import com.primejennie.kissim.orders.OrderEvent;
import com.primejennie.kissim.orders.OrderEventListener;

/**
 * Fans simulated trades and order events out to WebSocket sessions in KIS's real-time protocol. Trades of subscribed
 * codes are buffered while the market lock is held and sent by {@link #flush()} (the pump) as frames of up to
 * {@code maxRecordsPerFrame} records of one code. When the clock jumps far ahead only the latest records per code are
 * kept, as a client reconnecting to KIS would only see trades from then on.
 */
public class RealtimeHub implements MarketListener, OrderEventListener {

    public static final String TRADES = "H0STCNT0";
    public static final String NOTICE_REAL = "H0STCNI0";
    public static final String NOTICE_PAPER = "H0STCNI9";
    private static final DateTimeFormatter PING_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final MarketSimulator market;
    private final SimClock clock;
    private final KisSimProperties props;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, RealtimeSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Integer> codeSubscribers = new ConcurrentHashMap<>();
    private final Map<String, Deque<Trade>> pendingTrades = new LinkedHashMap<>();
    private final List<OrderEvent> pendingEvents = new ArrayList<>();
    private volatile int maxRegistrations;

    public RealtimeHub(MarketSimulator market, Exchange exchange, SimClock clock, KisSimProperties props) {
        this.market = market;
        this.clock = clock;
        this.props = props;
        this.maxRegistrations = props.realtime().maxRegistrations();
        market.addListener(this);
        exchange.addListener(this);
    }

    public int maxRegistrations() {
        return maxRegistrations;
    }

    public void setMaxRegistrations(int max) {
        this.maxRegistrations = max;
    }

    RealtimeSession open(org.springframework.web.socket.WebSocketSession socket) {
        RealtimeSession s = new RealtimeSession(socket, NoticeCipher.random(random));
        sessions.put(s.id(), s);
        return s;
    }

    RealtimeSession session(String sessionId) {
        return sessions.get(sessionId);
    }

    void closed(String sessionId) {
        if (sessions.remove(sessionId) != null) {
            recount();
        }
    }

    /** Recomputes which codes anyone is registered for (trades of other codes are not even buffered). */
    void recount() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (RealtimeSession s : sessions.values()) {
            for (String code : s.keys(TRADES)) {
                counts.merge(code, 1, Integer::sum);
            }
        }
        codeSubscribers.keySet().retainAll(counts.keySet());
        codeSubscribers.putAll(counts);
    }

    @Override
    public void onTrade(Trade trade) {
        if (!codeSubscribers.containsKey(trade.code())) {
            return;
        }
        synchronized (pendingTrades) {
            Deque<Trade> q = pendingTrades.computeIfAbsent(trade.code(), c -> new ArrayDeque<>());
            q.addLast(trade);
            int keep = props.realtime().maxRecordsPerFrame() * 5;
            while (q.size() > keep) {
                q.pollFirst();
            }
        }
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
        synchronized (pendingEvents) {
            pendingEvents.add(event);
        }
    }

    @Override
    public void onReset() {
        synchronized (pendingTrades) {
            pendingTrades.clear();
        }
    }

    /** Sends buffered trades and notices to the sessions registered for them. */
    public void flush() {
        Map<String, Deque<Trade>> trades;
        synchronized (pendingTrades) {
            trades = new LinkedHashMap<>(pendingTrades);
            pendingTrades.clear();
        }
        List<OrderEvent> events;
        synchronized (pendingEvents) {
            events = new ArrayList<>(pendingEvents);
            pendingEvents.clear();
        }
        int perFrame = Math.max(1, props.realtime().maxRecordsPerFrame());
        for (Map.Entry<String, Deque<Trade>> e : trades.entrySet()) {
            List<String> records = e.getValue().stream().map(TradeRecords::trade).toList();
            for (int i = 0; i < records.size(); i += perFrame) {
                String frame = TradeRecords.frame(false, TRADES,
                        records.subList(i, Math.min(records.size(), i + perFrame)));
                for (RealtimeSession s : sessions.values()) {
                    if (s.registered(TRADES, e.getKey())) {
                        s.send(frame);
                    }
                }
            }
        }
        if (!events.isEmpty()) {
            String hts = props.account().htsId();
            String product = props.account().productCode();
            for (RealtimeSession s : sessions.values()) {
                if (!s.wantsNotices()) {
                    continue;
                }
                for (OrderEvent ev : events) {
                    String record = TradeRecords.notice(ev, hts, product);
                    boolean encrypt = props.realtime().encryptNotices();
                    s.send(TradeRecords.frame(encrypt, s.noticeTrId(),
                            List.of(encrypt ? s.cipher().encrypt(record) : record)));
                }
            }
        }
    }

    /** Sends KIS's PINGPONG heartbeat to every session. */
    public void ping() {
        String ping = "{\"header\":{\"tr_id\":\"PINGPONG\",\"datetime\":\"" + clock.now().format(PING_TIME) + "\"}}";
        sessions.values().forEach(s -> s.send(ping));
    }

    /** Drops every session (admin reset). */
    public void reset() {
        sessions.values().forEach(RealtimeSession::close);
        sessions.clear();
        codeSubscribers.clear();
        synchronized (pendingTrades) {
            pendingTrades.clear();
        }
        synchronized (pendingEvents) {
            pendingEvents.clear();
        }
    }
}
