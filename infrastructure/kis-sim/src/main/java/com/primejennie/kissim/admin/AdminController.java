package com.primejennie.kissim.admin;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.kissim.accounts.Account;
import com.primejennie.kissim.auth.RateLimiter;
import com.primejennie.kissim.auth.TokenService;
import com.primejennie.kissim.clock.SimClock;
import com.primejennie.kissim.config.KisSimProperties;
import com.primejennie.kissim.faults.FaultKind;
import com.primejennie.kissim.faults.FaultPlan;
import com.primejennie.kissim.market.MarketSimulator;
import com.primejennie.kissim.market.Quote;
import com.primejennie.kissim.market.ReplayBook;
import com.primejennie.kissim.market.Stock;
import com.primejennie.kissim.market.Trade;
import com.primejennie.kissim.market.Universe;
import com.primejennie.kissim.orders.Exchange;
import com.primejennie.kissim.orders.Fill;
import com.primejennie.kissim.orders.OrderView;
import com.primejennie.kissim.websocket.RealtimeHub;
import com.primejennie.shared.market.MarketClock;

/**
 * The test and operator API ({@code /admin}): reset the simulator, move or pause the market clock, load a universe or
 * a replay file, set or script prices, set cash and holdings, plan faults, change limits, and inspect orders and
 * fills. Not part of KIS's surface: no token needed.
 */
@RestController
@RequestMapping("/admin")
public class AdminController {

    /**
     * Reset everything to the configured defaults (market, orders, accounts, tokens, limits, faults, sessions);
     * optionally start at {@code clock} (ISO, local = KST), paused, with {@code seed}. The universe and replay book
     * loaded at run time stay.
     */
    public record ResetRequest(String clock, Boolean paused, Long seed) {
    }

    /** Set ({@code set}, ISO or KST local) and/or {@code advance} (ISO duration or seconds), pause or resume. */
    public record ClockRequest(String set, String advance, Boolean paused) {
    }

    /** Trade now at {@code price} (with {@code volume}) and/or queue {@code path} as the next trades' prices. */
    public record PriceRequest(Long price, Long volume, List<Long> path, Boolean replace) {
    }

    public record CashRequest(long cash) {
    }

    public record HoldingRequest(long quantity, long avgPrice) {
    }

    public record FaultRequest(FaultKind kind, Integer count, String path, Long holdMillis, String msgCd) {
    }

    /** Run-time settings; null leaves a setting as it is. */
    public record SettingsRequest(Long maxFillPerTrade, Integer rateLimitRequests, Long rateLimitWindowMillis,
                                  Long tokenIssueIntervalMillis, Integer maxRegistrations, Integer cancelDelayTrades) {
    }

    private final SimClock clock;
    private final MarketSimulator market;
    private final Exchange exchange;
    private final TokenService tokens;
    private final RateLimiter rateLimiter;
    private final FaultPlan faults;
    private final RealtimeHub realtime;
    private final KisSimProperties defaults;

    public AdminController(SimClock clock, MarketSimulator market, Exchange exchange, TokenService tokens,
                           RateLimiter rateLimiter, FaultPlan faults, RealtimeHub realtime,
                           KisSimProperties defaults) {
        this.defaults = defaults;
        this.clock = clock;
        this.market = market;
        this.exchange = exchange;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.realtime = realtime;
    }

    @PostMapping("/reset")
    public Map<String, Object> reset(@RequestBody(required = false) ResetRequest body) {
        ResetRequest r = body == null ? new ResetRequest(null, null, null) : body;
        faults.clear();
        synchronized (exchange.lock()) {
            if (r.clock() != null) {
                clock.resume();
                clock.set(parseInstant(r.clock()));
            }
            if (Boolean.TRUE.equals(r.paused())) {
                clock.pause();
            } else if (Boolean.FALSE.equals(r.paused())) {
                clock.resume();
            }
            exchange.clear();
            exchange.setMaxFillPerTrade(defaults.orders().maxFillPerTrade());
            exchange.setCancelDelayTrades(0);
            market.reset(null, null, r.seed() == null ? defaults.market().seed() : r.seed());
            market.sync(); // the day so far happens now, before anyone subscribes
        }
        tokens.reset();
        tokens.configure(defaults.auth());
        rateLimiter.configure(defaults.rateLimit());
        realtime.reset();
        realtime.setMaxRegistrations(defaults.realtime().maxRegistrations());
        return state();
    }

    @GetMapping("/state")
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("now", clock.now().toOffsetDateTime().toString());
        s.put("paused", clock.paused());
        s.put("seed", market.seed());
        s.put("sessionOpen", market.sessionOpen());
        s.put("universe", market.universe().size());
        s.put("maxFillPerTrade", exchange.settings().maxFillPerTrade());
        s.put("cancelDelayTrades", exchange.cancelDelayTrades());
        s.put("rateLimit", Map.of("requests", rateLimiter.settings().requests(),
                "windowMillis", rateLimiter.settings().window().toMillis()));
        s.put("tokenIssueIntervalMillis", tokens.settings().tokenIssueInterval().toMillis());
        s.put("maxRegistrations", realtime.maxRegistrations());
        s.put("faults", faults.pending());
        return s;
    }

    @PostMapping("/clock")
    public Map<String, Object> clock(@RequestBody ClockRequest r) {
        synchronized (exchange.lock()) {
            if (r.set() != null) {
                Instant target = parseInstant(r.set());
                if (target.isBefore(clock.instant())) {
                    throw new IllegalArgumentException("the market clock only moves forward; POST /admin/reset"
                            + " with a clock to start over");
                }
                clock.set(target);
            }
            if (r.advance() != null) {
                clock.advance(parseDuration(r.advance()));
            }
            if (Boolean.TRUE.equals(r.paused())) {
                clock.pause();
            } else if (Boolean.FALSE.equals(r.paused())) {
                clock.resume();
            }
            market.sync();
        }
        realtime.flush();
        return state();
    }

    /** Sends KIS's PINGPONG heartbeat to every WebSocket session now. */
    @PostMapping("/realtime/ping")
    public Map<String, Object> ping() {
        realtime.ping();
        return Map.of("pinged", true);
    }

    @GetMapping("/universe")
    public List<Stock> universe() {
        return market.universe().all();
    }

    /** Replaces the universe (CSV as in {@code kis-sim/universe.csv}) and rebuilds the market. */
    @PostMapping(value = "/universe", consumes = {"text/csv", "text/plain"})
    public Map<String, Object> loadUniverse(@RequestBody String csv) {
        Universe u = Universe.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        if (u.size() == 0) {
            throw new IllegalArgumentException("the universe CSV holds no stock");
        }
        market.reset(u, null, null);
        market.sync();
        return Map.of("stocks", u.size());
    }

    /** Loads minute bars to replay ({@code code,yyyyMMddHHmm,open,high,low,close,volume}) and rebuilds the market. */
    @PostMapping(value = "/replay", consumes = {"text/csv", "text/plain"})
    public Map<String, Object> loadReplay(@RequestBody String csv) {
        ReplayBook book = ReplayBook.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        market.reset(null, book, null);
        market.sync();
        return Map.of("bars", book.size());
    }

    @GetMapping("/prices/{code}")
    public Map<String, Object> price(@PathVariable String code) {
        market.stock(code).orElseThrow(() -> new IllegalArgumentException("unknown stock code " + code));
        Quote q = market.quote(code);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", q.stock().name());
        m.put("date", q.date().toString());
        m.put("price", q.price());
        m.put("prevClose", q.prevClose());
        m.put("open", q.open());
        m.put("high", q.high());
        m.put("low", q.low());
        m.put("volume", q.volume());
        m.put("scripted", market.pendingScript(code));
        return m;
    }

    @PostMapping("/prices/{code}")
    public Map<String, Object> setPrice(@PathVariable String code, @RequestBody PriceRequest r) {
        market.stock(code).orElseThrow(() -> new IllegalArgumentException("unknown stock code " + code));
        if (r.path() != null) {
            market.script(code, r.path(), !Boolean.FALSE.equals(r.replace()));
        }
        if (r.price() != null) {
            Trade t = market.tradeNow(code, r.price(), r.volume() == null ? 100 : r.volume());
            realtime.flush();
            return Map.of("code", code, "price", t.price(), "time", t.time().toString());
        }
        return price(code);
    }

    @GetMapping("/accounts/{cano}")
    public Map<String, Object> account(@PathVariable String cano) {
        synchronized (exchange.lock()) {
            Account a = exchange.account(cano, "01");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cano", a.cano());
            m.put("deposit", a.cashSettledBy(market.currentDay()));
            m.put("cashAfterSettlement", a.cashAfterSettlement());
            m.put("orderableCash", a.orderableCash());
            m.put("reservedCash", a.reservedCash());
            m.put("holdings", a.holdings().stream().map(h -> Map.of("code", h.code(), "name", h.name(),
                    "quantity", h.quantity(), "orderableQty", h.orderableQty(),
                    "avgPrice", h.averagePrice())).toList());
            return m;
        }
    }

    @PutMapping("/accounts/{cano}/cash")
    public Map<String, Object> setCash(@PathVariable String cano, @RequestBody CashRequest r) {
        synchronized (exchange.lock()) {
            exchange.account(cano, "01").setCash(r.cash());
        }
        return account(cano);
    }

    @PutMapping("/accounts/{cano}/holdings/{code}")
    public Map<String, Object> setHolding(@PathVariable String cano, @PathVariable String code,
                                          @RequestBody HoldingRequest r) {
        Stock s = market.stock(code).orElseThrow(() -> new IllegalArgumentException("unknown stock code " + code));
        synchronized (exchange.lock()) {
            exchange.account(cano, "01").setHolding(code, s.name(), r.quantity(), r.avgPrice());
        }
        return account(cano);
    }

    @GetMapping("/orders")
    public List<OrderView> orders(@RequestParam(required = false) String cano) {
        java.time.LocalDate far = java.time.LocalDate.of(2000, 1, 1);
        return exchange.orders(cano, far, java.time.LocalDate.of(2999, 12, 31));
    }

    @GetMapping("/fills")
    public List<Fill> fills(@RequestParam(required = false) String cano) {
        return exchange.fills(cano);
    }

    @PostMapping("/faults")
    public FaultPlan.Fault addFault(@RequestBody FaultRequest r) {
        if (r.kind() == null) {
            throw new IllegalArgumentException("kind is one of " + List.of(FaultKind.values()));
        }
        return faults.add(r.kind(), r.count() == null ? 1 : r.count(), r.path(),
                r.holdMillis() == null ? null : Duration.ofMillis(r.holdMillis()), r.msgCd());
    }

    @GetMapping("/faults")
    public List<FaultPlan.Fault> faults() {
        return faults.pending();
    }

    @DeleteMapping("/faults")
    public Map<String, Object> clearFaults() {
        faults.clear();
        return Map.of("cleared", true);
    }

    @PostMapping("/tokens/expire")
    public Map<String, Object> expireTokens() {
        tokens.expireAll();
        return Map.of("expired", true);
    }

    @PutMapping("/settings")
    public Map<String, Object> settings(@RequestBody SettingsRequest r) {
        if (r.maxFillPerTrade() != null) {
            exchange.setMaxFillPerTrade(r.maxFillPerTrade());
        }
        if (r.rateLimitRequests() != null || r.rateLimitWindowMillis() != null) {
            KisSimProperties.RateLimit now = rateLimiter.settings();
            rateLimiter.configure(new KisSimProperties.RateLimit(
                    r.rateLimitRequests() == null ? now.requests() : r.rateLimitRequests(),
                    r.rateLimitWindowMillis() == null ? now.window() : Duration.ofMillis(r.rateLimitWindowMillis())));
        }
        if (r.tokenIssueIntervalMillis() != null) {
            KisSimProperties.Auth a = tokens.settings();
            tokens.configure(new KisSimProperties.Auth(a.tokenLifetime(),
                    Duration.ofMillis(r.tokenIssueIntervalMillis()), a.tokenThrottleStatus()));
        }
        if (r.maxRegistrations() != null) {
            realtime.setMaxRegistrations(r.maxRegistrations());
        }
        if (r.cancelDelayTrades() != null) {
            exchange.setCancelDelayTrades(r.cancelDelayTrades());
        }
        return state();
    }

    @ExceptionHandler({IllegalArgumentException.class, java.time.DateTimeException.class})
    public ResponseEntity<Map<String, Object>> badRequest(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", String.valueOf(e.getMessage())));
    }

    static Instant parseInstant(String text) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (java.time.DateTimeException e) {
            return LocalDateTime.parse(t).atZone(MarketClock.KST).toInstant();
        }
    }

    static Duration parseDuration(String text) {
        String t = text.trim();
        return t.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(t)) : Duration.parse(t);
    }

}
