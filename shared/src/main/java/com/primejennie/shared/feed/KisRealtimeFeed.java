package com.primejennie.shared.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.market.MarketClock;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one connection to KIS's real-time WebSocket: connects with the approval key, registers the planned codes for
 * trade records (H0STCNT0) and the account's fill notices, answers PINGPONG, reconnects with exponential backoff and
 * re-registers everything after a drop, re-plans the registrations periodically (holdings first, then the hot
 * watchlist, within the limit; new codes subscribed, dropped codes unsubscribed), publishes every tick and fill, folds
 * ticks into minute bars, and lets the watchdog force a reconnect when ticks stop.
 *
 * <p>Threads: one scheduler thread ("price-feed") owns connecting, sending and all subscription state, so sends never
 * overlap; the WebSocket's listener thread parses and publishes frames. {@link #replan()}, {@link #checkWatchdog()} and
 * {@link #flushBars()} are public so tests can drive each step without waiting for the schedule.
 */
public final class KisRealtimeFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KisRealtimeFeed.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final FeedProperties props;
    private final URI uri;
    private final HttpClient http;
    private final ApprovalKeySource keys;
    private final CodeSource holdings;
    private final CodeSource watchlist;
    private final TickPublisher tickPublisher;
    private final FillPublisher fillPublisher;
    private final MinuteBarAggregator bars;
    private final MinuteBarWriter barWriter;
    private final FeedWatchdog watchdog;
    private final MarketClock clock;
    private final String fillTrId;
    private final SubscriptionPlanner planner;
    private final KisFrameParser parser = new KisFrameParser();
    private final JsonMapper json = JsonMapper.shared();
    private final ScheduledExecutorService executor;
    private final ConcurrentLinkedQueue<MinuteBar> finishedBars = new ConcurrentLinkedQueue<>();

    // Owned by the executor thread.
    private final Set<String> registered = new LinkedHashSet<>();
    private final Set<String> confirmed = new java.util.HashSet<>();
    private List<String> lastHoldings = List.of();
    private List<String> lastWatchlist = List.of();
    private Duration backoff;
    private boolean reconnectPending;
    private boolean forceNewKey;
    private Instant lastForcedReconnect = Instant.EPOCH;
    private String approvalKey;

    private volatile WebSocket socket;
    private volatile String state = "STOPPED";
    private volatile boolean stopping;
    private volatile String lastError;
    private volatile boolean publishing = true;
    private volatile boolean fillsConfirmed;
    private volatile List<String> subscribedView = List.of();
    private volatile int confirmedView;
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong publishFailures = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();

    public KisRealtimeFeed(FeedProperties props, URI uri, boolean realMode, HttpClient http, ApprovalKeySource keys,
                           CodeSource holdings, CodeSource watchlist, TickPublisher tickPublisher,
                           FillPublisher fillPublisher, MinuteBarWriter barWriter, FeedWatchdog watchdog,
                           MarketClock clock) {
        this.props = props;
        this.uri = uri;
        this.http = http;
        this.keys = keys;
        this.holdings = holdings;
        this.watchlist = watchlist;
        this.tickPublisher = tickPublisher;
        this.fillPublisher = fillPublisher;
        this.bars = new MinuteBarAggregator();
        this.barWriter = barWriter;
        this.watchdog = watchdog;
        this.clock = clock;
        this.fillTrId = realMode ? KisFrameParser.FILL_TR_ID_REAL : KisFrameParser.FILL_TR_ID_PAPER;
        this.planner = new SubscriptionPlanner(
                Math.max(0, props.registrationLimit() - (props.fillNoticesEnabled() ? 1 : 0)));
        this.backoff = props.reconnectInitial();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "price-feed");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects and starts the periodic re-plan, watchdog and bar flush. */
    public void start() {
        stopping = false;
        state = "CONNECTING";
        log.info("price feed starting: {} (limit {} trade registrations, fill notices {})", uri, planner.limit(),
                props.fillNoticesEnabled() ? fillTrId : "off - no HTS id");
        executor.execute(this::connect);
        long replan = props.replanInterval().toMillis();
        executor.scheduleWithFixedDelay(this::safeReplan, replan, replan, TimeUnit.MILLISECONDS);
        long watch = props.watchdogInterval().toMillis();
        executor.scheduleWithFixedDelay(this::checkWatchdogQuietly, watch, watch, TimeUnit.MILLISECONDS);
        long flush = props.barFlushInterval().toMillis();
        executor.scheduleWithFixedDelay(this::flushBarsQuietly, flush, flush, TimeUnit.MILLISECONDS);
    }

    /** Closes the connection, writes every open minute bar (so the last minute is not lost) and stops the threads. */
    @Override
    public void close() {
        stopping = true;
        try {
            executor.submit(() -> {
                WebSocket ws = socket;
                socket = null;
                if (ws != null) {
                    try {
                        ws.sendClose(WebSocket.NORMAL_CLOSURE, "shutdown").get(2, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        ws.abort();
                    }
                }
                finishedBars.addAll(bars.drainAll());
                flushBarsQuietly();
            }).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            log.warn("price feed did not shut down cleanly: {}", e.toString());
        }
        executor.shutdownNow();
        state = "STOPPED";
    }

    /** The feed's state now. */
    public FeedStatus status() {
        return new FeedStatus(state, subscribedView, confirmedView, watchdog.lastTick().orElse(null), ticks.get(),
                publishFailures.get(), !publishing, Math.max(0, connections.get() - 1), fillsConfirmed, watchdog.isStale(),
                lastError);
    }

    /** Re-reads holdings and the hot watchlist and brings the registrations in line; returns the applied plan. */
    public SubscriptionPlanner.Plan replan() {
        return onExecutor(this::applyPlan);
    }

    /** Runs the watchdog now (as its schedule would); forces a reconnect when the feed just went stale. */
    public FeedWatchdog.Verdict checkWatchdog() {
        return onExecutor(this::watchdogStep);
    }

    /** Writes the minute bars whose minute is over. */
    public void flushBars() {
        onExecutor(() -> {
            finishedBars.addAll(bars.drainCompleted(clock.now().toLocalDateTime()));
            writeFinishedBars();
            return null;
        });
    }

    // ---------------------------------------------------------------- connection (executor thread)

    private void connect() {
        reconnectPending = false;
        if (stopping) {
            return;
        }
        state = "CONNECTING";
        try {
            approvalKey = keys.approvalKey(forceNewKey);
            forceNewKey = false;
            WebSocket ws = http.newWebSocketBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .buildAsync(uri, new Listener())
                    .get(CONNECT_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
            socket = ws;
            registered.clear();
            publishSubscribed();
            state = "CONNECTED";
            long n = connections.incrementAndGet();
            log.info("price feed connected to {}{}", uri, n > 1 ? " (reconnect " + (n - 1) + ")" : "");
            if (props.fillNoticesEnabled()) {
                send(message("1", fillTrId, props.htsId()));
            }
            applyPlan();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            lastError = "connect " + uri + ": " + cause;
            log.warn("price feed cannot connect to {}: {} - retrying in {}", uri, cause.toString(), backoff);
            dropSocket();
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (stopping || reconnectPending) {
            return;
        }
        reconnectPending = true;
        state = "DISCONNECTED";
        Duration delay = backoff;
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(props.reconnectMax()) > 0 ? props.reconnectMax() : doubled;
        executor.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void dropSocket() {
        WebSocket ws = socket;
        socket = null;
        registered.clear();
        fillsConfirmed = false;
        publishSubscribed();
        if (ws != null) {
            ws.abort();
        }
    }

    private void onSocketGone(WebSocket ws, String why) {
        executor.execute(() -> {
            if (ws != socket) {
                return; // an older connection we already replaced
            }
            lastError = why;
            log.warn("price feed connection lost ({}) - reconnecting in {}", why, backoff);
            dropSocket();
            scheduleReconnect();
        });
    }

    // ---------------------------------------------------------------- subscriptions (executor thread)

    private SubscriptionPlanner.Plan applyPlan() {
        lastHoldings = read("holdings", holdings, lastHoldings);
        lastWatchlist = read("hot watchlist", watchlist, lastWatchlist);
        List<String> target = planner.target(lastHoldings, lastWatchlist);
        SubscriptionPlanner.Plan plan = planner.diff(List.copyOf(registered), target);
        if (socket == null || plan.isNoop()) {
            return plan;
        }
        Set<String> union = new LinkedHashSet<>(lastHoldings);
        union.addAll(lastWatchlist);
        if (!target.containsAll(new LinkedHashSet<>(lastHoldings))) {
            lastError = "holdings beyond the registration limit are not watched";
            List<String> unwatched = lastHoldings.stream().filter(c -> !target.contains(c)).distinct().toList();
            log.error("price feed: {} holdings but only {} registrations - these positions get NO ticks and NO exits: "
                    + "{}", new LinkedHashSet<>(lastHoldings).size(), planner.limit(), unwatched);
            watchdog.reportUnwatchedHoldings(unwatched, planner.limit());
        } else if (union.size() > target.size()) {
            log.info("price feed: {} codes wanted, {} registrations available - the lowest-ranked watchlist codes "
                    + "are left out", union.size(), target.size());
        }
        try {
            for (String code : plan.unsubscribe()) {
                send(message("2", KisFrameParser.TRADE_TR_ID, code));
                registered.remove(code);
            }
            for (String code : plan.subscribe()) {
                send(message("1", KisFrameParser.TRADE_TR_ID, code));
                registered.add(code);
                pace();
            }
            // Keep the priority order of the target in the view.
            List<String> ordered = new ArrayList<>(target);
            ordered.retainAll(registered);
            registered.clear();
            registered.addAll(ordered);
            log.info("price feed subscriptions: +{} -{} = {}", plan.subscribe(), plan.unsubscribe(), registered.size());
        } catch (Exception e) {
            lastError = "subscribe: " + e;
            log.warn("price feed could not send subscriptions: {} - reconnecting", e.toString());
            dropSocket();
            scheduleReconnect();
        } finally {
            publishSubscribed();
        }
        return plan;
    }

    private List<String> read(String what, CodeSource source, List<String> previous) {
        try {
            return source.codes();
        } catch (RuntimeException e) {
            log.warn("price feed cannot read {} ({}) - keeping the previous {} codes", what, e.toString(),
                    previous.size());
            return previous;
        }
    }

    private void pace() throws InterruptedException {
        long ms = props.subscribePacing().toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    private String message(String trType, String trId, String trKey) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("approval_key", approvalKey);
        header.put("custtype", "P");
        header.put("tr_type", trType);
        header.put("content-type", "utf-8");
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("tr_id", trId);
        input.put("tr_key", trKey);
        return json.writeValueAsString(Map.of("header", header, "body", Map.of("input", input)));
    }

    private void send(String text) throws Exception {
        WebSocket ws = socket;
        if (ws == null) {
            throw new IllegalStateException("not connected");
        }
        ws.sendText(text, true).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void publishSubscribed() {
        confirmed.retainAll(registered);
        subscribedView = List.copyOf(registered);
        confirmedView = confirmed.size();
    }

    private void onReply(FeedFrame.Reply reply) {
        if (reply.ok()) {
            backoff = props.reconnectInitial(); // the session works: the next drop starts the backoff afresh
            if (fillTrId.equals(reply.trId())) {
                fillsConfirmed = true;
            } else if (KisFrameParser.TRADE_TR_ID.equals(reply.trId()) && registered.contains(reply.trKey())) {
                confirmed.add(reply.trKey());
                publishSubscribed();
            }
            return;
        }
        String msg = reply.message() == null ? "" : reply.message();
        if (msg.toUpperCase().contains("ALREADY")) {
            if (registered.contains(reply.trKey())) {
                confirmed.add(reply.trKey());
                publishSubscribed();
            }
            return;
        }
        log.warn("KIS refused {} {}: {} {}", reply.trId(), reply.trKey(), reply.msgCode(), msg);
        lastError = "KIS refused " + reply.trId() + " " + reply.trKey() + ": " + reply.msgCode() + " " + msg;
        if (msg.toLowerCase().contains("approval") || msg.toLowerCase().contains("appkey")) {
            forceNewKey = true;
            dropSocket();
            scheduleReconnect();
            return;
        }
        if (KisFrameParser.TRADE_TR_ID.equals(reply.trId()) && registered.remove(reply.trKey())) {
            publishSubscribed();
        }
    }

    // ---------------------------------------------------------------- watchdog and bars (executor thread)

    private FeedWatchdog.Verdict watchdogStep() {
        Instant now = clock.instant();
        FeedWatchdog.Verdict verdict = watchdog.check(now, !subscribedView.isEmpty() || !lastHoldings.isEmpty()
                || !lastWatchlist.isEmpty());
        boolean reconnect = verdict == FeedWatchdog.Verdict.BECAME_STALE
                || (verdict == FeedWatchdog.Verdict.STILL_STALE
                && Duration.between(lastForcedReconnect, now).compareTo(props.silenceThreshold()) >= 0);
        if (reconnect && socket != null) {
            lastForcedReconnect = now;
            log.warn("price feed: no ticks - dropping the connection to reconnect and re-subscribe");
            lastError = "no ticks for " + props.silenceThreshold() + " while the market is open";
            dropSocket();
            scheduleReconnect();
        }
        return verdict;
    }

    private void checkWatchdogQuietly() {
        try {
            watchdogStep();
        } catch (RuntimeException e) {
            log.error("price feed watchdog failed", e);
        }
    }

    private void safeReplan() {
        try {
            applyPlan();
        } catch (RuntimeException e) {
            log.error("price feed re-plan failed", e);
        }
    }

    private void flushBarsQuietly() {
        try {
            finishedBars.addAll(bars.drainCompleted(clock.now().toLocalDateTime()));
            writeFinishedBars();
        } catch (RuntimeException e) {
            log.error("price feed bar flush failed", e);
        }
    }

    private void writeFinishedBars() {
        List<MinuteBar> batch = new ArrayList<>();
        for (MinuteBar bar; (bar = finishedBars.poll()) != null; ) {
            batch.add(bar);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            barWriter.write(batch);
        } catch (RuntimeException e) {
            // Keep them for the next flush: the database may be back by then.
            finishedBars.addAll(batch);
            lastError = "minute bars: " + e;
            log.warn("price feed cannot write {} minute bars ({}) - will retry", batch.size(), e.toString());
        }
    }

    private <T> T onExecutor(java.util.concurrent.Callable<T> task) {
        try {
            return executor.submit(task).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("price feed executor busy for 30 s", e);
        }
    }

    // ---------------------------------------------------------------- frames (listener thread)

    private void onFrame(WebSocket ws, String text) {
        FeedFrame frame = parser.parse(text);
        if (frame instanceof FeedFrame.Trades t) {
            onTrades(t);
        } else if (frame instanceof FeedFrame.Fills f) {
            onFills(f);
        } else if (frame instanceof FeedFrame.PingPong p) {
            executor.execute(() -> {
                if (ws == socket) {
                    try {
                        send(p.raw()); // KIS closes sessions that do not echo PINGPONG (the gateway never did)
                    } catch (Exception e) {
                        log.warn("price feed could not answer PINGPONG: {}", e.toString());
                    }
                }
            });
        } else if (frame instanceof FeedFrame.Reply r) {
            executor.execute(() -> {
                if (ws == socket) {
                    onReply(r);
                }
            });
        } else if (frame instanceof FeedFrame.Ignored i) {
            log.debug("price feed ignored a frame: {}", i.reason());
        }
    }

    private void onTrades(FeedFrame.Trades trades) {
        if (trades.malformed() > 0) {
            log.warn("price feed skipped {} malformed trade records", trades.malformed());
        }
        if (trades.ticks().isEmpty()) {
            return;
        }
        watchdog.tick(clock.instant());
        try {
            tickPublisher.publish(trades.ticks());
            ticks.addAndGet(trades.ticks().size());
            publishing = true;
        } catch (RuntimeException e) {
            publishing = false;
            long n = publishFailures.incrementAndGet();
            lastError = "publish ticks: " + e;
            if (n == 1 || n % 100 == 0) {
                log.error("price feed cannot publish ticks to {} ({} failed frames so far): {}",
                        props.pricesStream(), n, e.toString());
            }
        }
        var today = clock.today();
        for (TradeTick tick : trades.ticks()) {
            finishedBars.addAll(bars.accept(tick, today));
        }
    }

    private void onFills(FeedFrame.Fills fills) {
        if (fills.notices().isEmpty()) {
            return;
        }
        try {
            fillPublisher.publish(fills.notices());
        } catch (RuntimeException e) {
            lastError = "publish fills: " + e;
            log.error("price feed cannot publish {} fill notices to {}: {} - executors fall back to polling",
                    fills.notices().size(), props.fillsStream(), e.toString());
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    onFrame(ws, text);
                } catch (RuntimeException e) {
                    log.error("price feed failed on a frame", e);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            onSocketGone(ws, "closed by server: " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            onSocketGone(ws, "error: " + error);
        }
    }
}
