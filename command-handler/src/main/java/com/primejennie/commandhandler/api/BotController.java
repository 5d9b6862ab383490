package com.primejennie.commandhandler.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.primejennie.commandhandler.diagnose.Diagnosis;
import com.primejennie.commandhandler.polling.PollingLoop;
import com.primejennie.commandhandler.polling.UpdatePoller;
import com.primejennie.commandhandler.telegram.BotProperties;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.trading.DryRunResolver;

/**
 * The HTTP endpoints of spec §1.1: {@code GET /health}, {@code GET /}, {@code POST /poll|/start|/stop} and
 * {@code GET /api/diagnose}. The POST endpoints and the diagnosis need the suite's internal token
 * ({@code X-Internal-Token}); without a configured token they are refused (the Python ones were open).
 */
@RestController
public class BotController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final UpdatePoller poller;
    private final PollingLoop loop;
    private final Diagnosis diagnosis;
    private final DryRunResolver dryRun;
    private final MarketClock clock;
    private final byte[] token;
    private final String tradingMode;

    public BotController(UpdatePoller poller, PollingLoop loop, Diagnosis diagnosis, DryRunResolver dryRun,
                         MarketClock clock, BotProperties properties,
                         @Value("${jennie.trading-mode:MOCK}") String tradingMode) {
        this.poller = poller;
        this.loop = loop;
        this.diagnosis = diagnosis;
        this.dryRun = dryRun;
        this.clock = clock;
        this.token = properties.internalToken() == null || properties.internalToken().isBlank() ? null
                : properties.internalToken().getBytes(StandardCharsets.UTF_8);
        this.tradingMode = tradingMode;
    }

    @GetMapping("/health")
    public Map<String, Object> health() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("service", "command-handler");
        m.put("polling", loop.isRunning());
        return m;
    }

    @GetMapping("/")
    public Map<String, Object> info() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", "command-handler");
        m.put("version", "v1.0");
        m.put("trading_mode", tradingMode);
        m.put("dry_run", String.valueOf(dryRun.isActive()));
        m.put("polling", loop.isRunning());
        return m;
    }

    @PostMapping("/poll")
    public ResponseEntity<?> poll(@RequestHeader(value = "X-Internal-Token", required = false) String given) {
        if (!authorised(given)) {
            return refused();
        }
        try {
            return ResponseEntity.ok(poller.pollOnce().toJson());
        } catch (RuntimeException e) {
            return ResponseEntity.internalServerError().body(Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    @PostMapping("/start")
    public ResponseEntity<?> start(@RequestHeader(value = "X-Internal-Token", required = false) String given) {
        if (!authorised(given)) {
            return refused();
        }
        loop.start();
        return ResponseEntity.ok(Map.of("status", "polling started"));
    }

    @PostMapping("/stop")
    public ResponseEntity<?> stop(@RequestHeader(value = "X-Internal-Token", required = false) String given) {
        if (!authorised(given)) {
            return refused();
        }
        loop.stop();
        return ResponseEntity.ok(Map.of("status", "polling stopped"));
    }

    @GetMapping("/api/diagnose")
    public ResponseEntity<?> diagnose(@RequestHeader(value = "X-Internal-Token", required = false) String given) {
        if (!authorised(given)) {
            return refused();
        }
        try {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", "success");
            m.put("report", diagnosis.report());
            m.put("timestamp", clock.now().format(TIME));
            return ResponseEntity.ok(m);
        } catch (RuntimeException e) {
            return ResponseEntity.internalServerError().body(Map.of("status", "error", "error",
                    String.valueOf(e.getMessage())));
        }
    }

    private boolean authorised(String given) {
        return token != null && given != null
                && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    private ResponseEntity<Map<String, String>> refused() {
        return ResponseEntity.status(token == null ? 403 : 401).body(Map.of("status", "error", "reason",
                token == null ? "internal token not configured (JENNIE_INTERNAL_TOKEN)"
                        : "missing or wrong internal token (X-Internal-Token)"));
    }
}
