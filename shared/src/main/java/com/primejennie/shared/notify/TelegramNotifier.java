package com.primejennie.shared.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends operator messages through the Telegram Bot API {@code sendMessage}, as HTML ({@link TelegramMarkup}), split
 * into parts of at most 4096 characters ({@link MessageSplitter}), unless the operator muted notifications
 * ({@link MuteSwitch}).
 *
 * <p>Never throws: a failure is logged (without the token) and counted in
 * {@code jennie.notifications{channel=telegram,outcome=sent|failed|muted|disabled}}, one count per message. When
 * Telegram rejects the HTML ({@code 400 Bad Request: can't parse entities}), the part is sent once more as plain
 * text, so the operator still gets the content.
 *
 * <p>Synchronous: the caller waits for the Bot API. Apps get it wrapped in an {@link AsyncNotifier}, which calls it
 * from its single sender thread.
 */
public class TelegramNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(TelegramNotifier.class);

    private final TelegramProperties properties;
    private final MuteSwitch mute;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Counter sent;
    private final Counter failed;
    private final Counter muted;
    private final Counter disabled;
    private final AtomicBoolean disabledLogged = new AtomicBoolean();

    public TelegramNotifier(TelegramProperties properties, MuteSwitch mute, MeterRegistry meters) {
        this.properties = properties;
        this.mute = mute;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        this.sent = counter(meters, "sent");
        this.failed = counter(meters, "failed");
        this.muted = counter(meters, "muted");
        this.disabled = counter(meters, "disabled");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("jennie.notifications").description("Operator notifications by outcome")
                .tag("channel", "telegram").tag("outcome", outcome).register(meters);
    }

    @Override
    public boolean send(String text) {
        return sendSafely(text, true);
    }

    @Override
    public boolean canDeliver() {
        return properties.configured();
    }

    @Override
    public boolean sendCritical(String text) {
        return sendSafely(text, false);
    }

    private boolean sendSafely(String text, boolean honourMute) {
        try {
            return deliver(text, honourMute);
        } catch (RuntimeException e) {
            log.error("Telegram notification failed unexpectedly: {}", e.toString());
            failed.increment();
            return false;
        }
    }

    private boolean deliver(String text, boolean honourMute) {
        if (!properties.configured()) {
            if (disabledLogged.compareAndSet(false, true)) {
                log.warn("Telegram notifier has no bot token or chat id (TELEGRAM_BOT_TOKEN / TELEGRAM_CHAT_ID or "
                        + "secrets telegram-bot-token / telegram-chat-id); notifications are dropped");
            }
            disabled.increment();
            return false;
        }
        if (text == null || text.isBlank()) {
            log.warn("Telegram notification with empty text not sent");
            failed.increment();
            return false;
        }
        if (honourMute && mute.isMuted()) {
            log.info("Telegram notification muted by the operator: {}", firstLine(text));
            muted.increment();
            return false;
        }
        List<String> parts = MessageSplitter.split(text, MessageSplitter.TELEGRAM_LIMIT);
        for (int i = 0; i < parts.size(); i++) {
            if (!sendPart(parts.get(i))) {
                log.warn("Telegram notification '{}' lost at part {}/{}", firstLine(text), i + 1, parts.size());
                failed.increment();
                return false;
            }
        }
        sent.increment();
        return true;
    }

    private boolean sendPart(String part) {
        Result html = post(part, true);
        if (html.ok()) {
            return true;
        }
        if (html.status() == 400 && html.description() != null && html.description().contains("parse entities")) {
            log.warn("Telegram rejected the HTML ({}); sending the part as plain text", html.description());
            Result plain = post(part, false);
            if (plain.ok()) {
                return true;
            }
            log.warn("Telegram sendMessage failed: {}", plain.describe());
            return false;
        }
        log.warn("Telegram sendMessage failed: {}", html.describe());
        return false;
    }

    /** The outcome of one HTTP call. */
    private record Result(boolean ok, int status, String description) {
        String describe() {
            return (status > 0 ? "HTTP " + status + " " : "") + (description == null ? "" : description);
        }
    }

    private Result post(String part, boolean asHtml) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", properties.chatId());
        body.put("text", asHtml ? TelegramMarkup.toHtml(part) : part);
        if (asHtml) {
            body.put("parse_mode", "HTML");
        }
        body.put("disable_web_page_preview", true);
        HttpRequest request = HttpRequest.newBuilder(endpoint())
                .timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(false, 0, e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage().replace(properties.botToken(), "***")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, 0, "interrupted");
        }
        String description = null;
        boolean ok = false;
        try {
            JsonNode answer = json.readTree(response.body());
            ok = answer.path("ok").asBoolean(false);
            description = answer.path("description").isMissingNode() ? null : answer.path("description").asString();
        } catch (RuntimeException e) {
            description = "unreadable answer: " + abbreviate(response.body());
        }
        return new Result(ok && response.statusCode() == 200, response.statusCode(), description);
    }

    private URI endpoint() {
        String base = properties.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "bot" + properties.botToken() + "/sendMessage");
    }

    private static String firstLine(String text) {
        return abbreviate(text.lines().filter(line -> !line.isBlank()).findFirst().orElse(""));
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
