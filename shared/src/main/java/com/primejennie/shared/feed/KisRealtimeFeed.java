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
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.messaging.PublishException;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one connection to KIS's real-time WebSocket: connects with the approval key, registers the planned codes for
 * trade records (H0STCNT0) and the account's fill notices, answers PINGPONG, reconnects with exponential backoff and
 * re-registers everything after a drop, re-plans the registrations periodically (holdings first, then the hot
 * watchlist, within the limit; new codes subscribed, dropped codes unsubscribed), publishes every tick and fill, folds
 * ticks into minute bars, and lets the watchdog force a reconnect when ticks stop.
 *
 * <p>Threads: one scheduler thread ("price-feed") owns connecting and all subscription state; the WebSocket's listener
 * thread parses frames, answers PINGPONG itself and hands ticks and fill notices over without any I/O (ticks into the
 * {@link TickBuffer}, latest tick per code with volumes summed; fills into a FIFO queue); the publisher thread
 * ("price-feed-publisher") writes them to Redis, retrying with backoff while Redis is away. So no Redis outage or slow
 * command can delay the listener, and KIS never closes the session for an unanswered PINGPONG. Sends on the socket
 * are serialised by one lock. Minute bars are folded from every raw tick on the listener thread (memory only) and
 * written by the scheduler thread. {@link #replan()}, {@link #checkWatchdog()} and {@link #flushBars()} are public so
 * tests can drive each step without waiting for the schedule.
 */
public final class KisRealtimeFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KisRealtimeFeed.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Fill notices waiting for Redis; far above a day's fills, so reaching it means Redis has been gone for long. */
    static final int FILL_QUEUE_CAPACITY = 10_000;
    private static final long PUBLISH_WAIT_MS = 200;
    private static final long PUBLISH_BACKOFF_MAX_MS = 5_000;
    private static final Duration PUBLISHER_DRAIN = Duration.ofSeconds(5);

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
    private final TickBuffer buffer = new TickBuffer();
    private final LinkedBlockingDeque<FillNotice> pendingFills = new LinkedBlockingDeque<>(FILL_QUEUE_CAPACITY);
    private final Thread publisher;
    private final Object sendLock = new Object();
    private volatile boolean publisherStop;

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
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong lostFills = new AtomicLong();
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
        this.publisher = new Thread(this::publishLoop, "price-feed-publisher");
        this.publisher.setDaemon(true);
    }

    /** Connects and starts the periodic re-plan, watchdog and bar flush. */
    public void start() {
        stopping = false;
        state = "CONNECTING";
        log.info("price feed starting: {} (limit {} trade registrations, fill notices {})", uri, planner.limit(),
                props.fillNoticesEnabled() ? fillTrId : "off - no HTS id");
        publisherStop = false;
        if (!publisher.isAlive()) {
            publisher.start();
        }
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
        stopPublisher();
        state = "STOPPED";
    }

    /** Lets the publisher write what is still buffered (bounded by {@link #PUBLISHER_DRAIN}), then stops it. */
    private void stopPublisher() {
        publisherStop = true;
        buffer.wake();
        try {
            publisher.join(PUBLISHER_DRAIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (publisher.isAlive()) {
            publisher.interrupt();
            log.warn("price feed stopped with {} codes' ticks and {} fill notices not yet in Redis", buffer.size(),
                    pendingFills.size());
        }
    }

    /** The feed's state now. */
    public FeedStatus status() {
        return new FeedStatus(state, subscribedView, confirmedView, watchdog.lastTick().orElse(null), buffer.accepted(),
                published.get(), buffer.coalesced(), buffer.size(), publishFailures.get(), !publishing,
                Math.max(0, connections.get() - 1), fillsConfirmed, watchdog.isStale(), lastError);
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
        send(ws, text);
    }

    /** One text message on {@code ws}; the lock keeps the scheduler's and the listener's sends from overlapping. */
    private void send(WebSocket ws, String text) throws Exception {
        synchronized (sendLock) {
            ws.sendText(text, true).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void publishSubscribed() {
        confirmed.retainAll(registered);
        subscribedView = List.copyOf(registered);
        confirmedView = confirmed.size();
    }

    private void onReply(FeedFrame.Reply reply) {
        SubscriptionReplyKind kind = SubscriptionReplyKind.of(reply);
        boolean trade = KisFrameParser.TRADE_TR_ID.equals(reply.trId());
        String what = reply.trId() + " " + reply.trKey() + ": " + reply.msgCode() + " " + reply.message();
        switch (kind) {
            case SUBSCRIBED, ALREADY_SUBSCRIBED, OTHER_SUCCESS -> {
                if (kind == SubscriptionReplyKind.SUBSCRIBED) {
                    backoff = props.reconnectInitial(); // the session works: the next drop starts the backoff afresh
                }
                if (fillTrId.equals(reply.trId())) {
                    fillsConfirmed = true;
                } else if (trade && registered.contains(reply.trKey())) {
                    confirmed.add(reply.trKey());
                    publishSubscribed();
                }
            }
            case UNSUBSCRIBED, NOT_SUBSCRIBED -> log.debug("price feed: {}", what);
            case KEY_REFUSED -> {
                log.warn("KIS refused the approval key ({}) - reconnecting with a new key", what);
                lastError = "KIS refused the approval key: " + what;
                forceNewKey = true;
                dropSocket();
                scheduleReconnect();
            }
            case APP_KEY_IN_USE -> {
                log.error("KIS: another WebSocket session uses this app key ({}) - is the Python kis-gateway still "
                        + "streaming? Run only one feed (PRICE_FEED_ENABLED=false on the other). Reconnecting in {} "
                        + "with a new approval key", what, backoff);
                lastError = "app key in use by another session: " + what;
                forceNewKey = true;
                dropSocket();
                scheduleReconnect();
            }
            case LIMIT_REACHED, SERVER_ERROR, BAD_REQUEST, OTHER_REFUSAL -> {
                if (kind == SubscriptionReplyKind.BAD_REQUEST) {
                    log.error("KIS could not read a request of the feed ({}) - retried at the next re-plan", what);
                } else {
                    log.warn("KIS refused {} ({}) - retried at the next re-plan", what, kind);
                }
                lastError = "KIS refused " + what;
                if (trade && registered.remove(reply.trKey())) {
                    publishSubscribed();
                }
            }
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
            // Answered right here, not via the scheduler thread (which may be waiting on Redis or MariaDB): KIS
            // closes sessions that do not echo PINGPONG (the gateway never did).
            try {
                send(ws, p.raw());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("price feed could not answer PINGPONG: {}", e.toString());
            }
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
        buffer.add(trades.ticks()); // memory only: the publisher thread writes them
        var today = clock.today();
        for (TradeTick tick : trades.ticks()) {
            finishedBars.addAll(bars.accept(tick, today));
        }
    }

    private void onFills(FeedFrame.Fills fills) {
        for (FillNotice notice : fills.notices()) {
            if (!pendingFills.offerLast(notice)) {
                long n = lostFills.incrementAndGet();
                lastError = "fill notice queue full";
                log.error("price feed: {} fill notices waiting for Redis - dropping {} ({} dropped so far); "
                        + "executors fall back to polling", FILL_QUEUE_CAPACITY, notice, n);
            }
        }
        buffer.wake();
    }

    // ---------------------------------------------------------------- publishing (publisher thread)

    private void publishLoop() {
        long pauseMs = 0;
        while (true) {
            boolean stop = publisherStop;
            boolean ok;
            try {
                if (pauseMs > 0 && !stop) {
                    Thread.sleep(pauseMs);
                }
                ok = publishRound(stop ? 0 : PUBLISH_WAIT_MS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("price feed publisher failed", e);
                ok = false;
            }
            if (stop && (!ok || (buffer.size() == 0 && pendingFills.isEmpty()))) {
                return;
            }
            pauseMs = ok ? 0 : Math.min(PUBLISH_BACKOFF_MAX_MS, Math.max(100, pauseMs * 2));
        }
    }

    private boolean fillsRefused(RuntimeException e) {
        lastError = "publish fills: " + e;
        log.error("price feed cannot publish {} fill notices to {}: {} - retrying", pendingFills.size(),
                props.fillsStream(), e.toString());
        return false;
    }

    /** Writes waiting fill notices, then waiting ticks; false when Redis refused (everything is kept for later). */
    private boolean publishRound(long waitMillis) throws InterruptedException {
        for (FillNotice notice; (notice = pendingFills.peekFirst()) != null; ) {
            try {
                fillPublisher.publish(List.of(notice));
                pendingFills.pollFirst();
            } catch (PublishException e) {
                if (e.maybeWritten()) {
                    // The entry may be in kis:fills already: a second copy could be counted twice, so it is not
                    // retried; executors confirm fills by polling anyway.
                    pendingFills.pollFirst();
                    lastError = "publish fills: " + e;
                    log.error("price feed: fill notice {} may or may not be in {} ({}) - not resent; executors "
                            + "confirm it by polling", notice, props.fillsStream(), e.toString());
                    continue;
                }
                return fillsRefused(e);
            } catch (RuntimeException e) {
                return fillsRefused(e);
            }
        }
        List<TradeTick> batch = buffer.take(waitMillis);
        if (batch.isEmpty()) {
            return true;
        }
        try {
            tickPublisher.publish(batch);
            published.addAndGet(batch.size());
            if (!publishing) {
                log.info("price feed publishes to {} again", props.pricesStream());
            }
            publishing = true;
            return true;
        } catch (RuntimeException e) {
            buffer.putBack(batch);
            publishing = false;
            long n = publishFailures.incrementAndGet();
            lastError = "publish ticks: " + e;
            if (n == 1 || n % 100 == 0) {
                log.error("price feed cannot publish ticks to {} ({} failed attempts so far; {} codes' ticks kept, "
                        + "latest per code with volumes summed): {}", props.pricesStream(), n, buffer.size(),
                        e.toString());
            }
            return false;
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
