package com.primejennie.dashboard.console.overview;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;

import com.primejennie.dashboard.console.ConsoleProperties;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.market.MarketClock;

import tools.jackson.databind.JsonNode;

/**
 * Relays every message published on the {@code dashboard:stream} Pub/Sub channel to the overview's live feed as
 * Server-Sent Events (one escaped HTML line per message, for htmx's SSE extension to prepend), and keeps the last
 * few so a freshly opened page is not empty.
 */
public class LiveFeed implements MessageListener {

    /** The channel the services publish their events on (spec llm-dashboard-infra §2.1). */
    public static final String CHANNEL = "dashboard:stream";
    /** The SSE event name the page listens for. */
    public static final String EVENT = "feed";

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final Deque<String> recent = new ArrayDeque<>();
    private final int keep;
    private final MarketClock clock;

    public LiveFeed(ConsoleProperties properties, MarketClock clock) {
        this.keep = properties.feedSize();
        this.clock = clock;
    }

    /** A new subscriber; removed when it completes, times out or fails. */
    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(0L);
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        return emitter;
    }

    /** The last lines, newest first. */
    public synchronized List<String> recent() {
        return List.copyOf(recent);
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        publish(new String(message.getBody(), StandardCharsets.UTF_8));
    }

    /** Formats one raw message and sends it to every subscriber. */
    public void publish(String raw) {
        String line = line(raw);
        synchronized (this) {
            recent.addFirst(line);
            while (recent.size() > keep) {
                recent.removeLast();
            }
        }
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().name(EVENT).data(line));
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter);
                log.debug("live feed subscriber gone: {}", e.getMessage());
            }
        }
    }

    /** {@code <li>}: time, type, stock and the rest of the message, all escaped. */
    String line(String raw) {
        String time = clock.now().withZoneSameInstant(ZoneId.of("Asia/Seoul")).format(TIME);
        String type = "message";
        String text = raw;
        try {
            JsonNode n = WireJson.mapper().readTree(raw);
            if (n.isObject()) {
                type = n.path("type").asText("message");
                JsonNode data = n.has("data") ? n.get("data") : n;
                StringBuilder sb = new StringBuilder();
                for (String f : List.of("stock_name", "stock_code", "signal_type", "price", "quantity", "reason",
                        "message")) {
                    JsonNode v = data.get(f);
                    if (v != null && !v.isNull() && !v.asText().isBlank()) {
                        String shown = v.isNumber() && (f.equals("price") || f.equals("quantity"))
                                ? String.format(java.util.Locale.ROOT, "%,d", Math.round(v.asDouble())) : v.asText();
                        sb.append(sb.isEmpty() ? "" : " · ").append(shown);
                    }
                }
                text = sb.isEmpty() ? data.toString() : sb.toString();
            }
        } catch (RuntimeException e) {
            // not JSON: shown as it is
        }
        if (text.length() > 300) {
            text = text.substring(0, 300) + "…";
        }
        return "<li class=\"feed-line\"><time>" + time + "</time> <b>" + HtmlUtils.htmlEscape(type) + "</b> "
                + HtmlUtils.htmlEscape(text) + "</li>";
    }
}
