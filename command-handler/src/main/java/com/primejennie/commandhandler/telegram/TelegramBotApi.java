package com.primejennie.commandhandler.telegram;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.notify.MessageSplitter;
import com.primejennie.shared.notify.TelegramMarkup;

import tools.jackson.databind.JsonNode;

/**
 * The two Bot API calls the bot makes, over Spring's {@link RestClient}: {@code getUpdates} (long polling,
 * {@code allowed_updates=["message"]}) and {@code sendMessage}. Replies go out as the shared notifier sends: HTML from
 * {@link TelegramMarkup} (no input can break the parser), split by {@link MessageSplitter} at 4096 characters, and
 * once more as plain text when Telegram still rejects the entities. The token never appears in a log line.
 */
public class TelegramBotApi {

    private static final Logger log = LoggerFactory.getLogger(TelegramBotApi.class);

    private final BotProperties properties;
    private final RestClient rest;

    public TelegramBotApi(BotProperties properties) {
        this.properties = properties;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        // the HTTP timeout is the long-poll timeout + 10 s, as in the Python bot
        factory.setReadTimeout(Duration.ofSeconds(properties.longPollSeconds() + 10L));
        String base = properties.apiUrl().toString();
        this.rest = RestClient.builder().requestFactory(factory)
                .baseUrl((base.endsWith("/") ? base : base + "/") + "bot" + properties.token() + "/")
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    /**
     * The messages after {@code offset} (Telegram confirms everything below it).
     *
     * @throws TelegramException when the call fails or Telegram answers {@code ok:false}
     */
    public List<IncomingMessage> getUpdates(long offset) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("offset", offset);
        body.put("timeout", properties.longPollSeconds());
        body.put("allowed_updates", List.of("message"));
        JsonNode answer = call("getUpdates", body);
        List<IncomingMessage> messages = new ArrayList<>();
        for (JsonNode update : answer.path("result")) {
            long id = update.path("update_id").asLong();
            JsonNode message = update.path("message");
            if (message.isMissingNode() || message.isNull()) {
                messages.add(new IncomingMessage(id, null, null, null));
                continue;
            }
            JsonNode chat = message.path("chat").path("id");
            messages.add(new IncomingMessage(id, chat.isMissingNode() ? null : chat.asString(),
                    message.path("from").path("username").asString(null), message.path("text").asString("")));
        }
        return messages;
    }

    /** Sends {@code text} to {@code chatId}; false (logged) when a part could not be delivered. Never throws. */
    public boolean sendMessage(String chatId, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        for (String part : MessageSplitter.split(text, MessageSplitter.TELEGRAM_LIMIT)) {
            try {
                if (!sendPart(chatId, part)) {
                    return false;
                }
            } catch (RuntimeException e) {
                log.warn("reply to chat {} failed: {}", chatId, scrub(e.getMessage()));
                return false;
            }
        }
        return true;
    }

    private boolean sendPart(String chatId, String part) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("text", TelegramMarkup.toHtml(part));
        body.put("parse_mode", "HTML");
        body.put("disable_web_page_preview", true);
        try {
            call("sendMessage", body);
            return true;
        } catch (TelegramException e) {
            if (e.status() != 400 || !String.valueOf(e.getMessage()).contains("parse entities")) {
                log.warn("reply to chat {} failed: {}", chatId, e.getMessage());
                return false;
            }
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("chat_id", chatId);
        plain.put("text", part);
        try {
            call("sendMessage", plain);
            return true;
        } catch (TelegramException e) {
            log.warn("plain reply to chat {} failed: {}", chatId, e.getMessage());
            return false;
        }
    }

    private JsonNode call(String method, Map<String, Object> body) {
        String raw;
        int status;
        try {
            var response = rest.post().uri(method).contentType(MediaType.APPLICATION_JSON)
                    .body(WireJson.mapper().writeValueAsString(body)).retrieve().toEntity(String.class);
            raw = response.getBody();
            status = response.getStatusCode().value();
        } catch (ResourceAccessException e) {
            throw new TelegramException(method + ": " + scrub(e.getMessage()), 0, e);
        }
        JsonNode answer;
        try {
            answer = WireJson.mapper().readTree(raw == null ? "" : raw);
        } catch (RuntimeException e) {
            throw new TelegramException(method + ": HTTP " + status + ", unreadable answer", status, e);
        }
        if (status != 200 || !answer.path("ok").asBoolean(false)) {
            throw new TelegramException(method + ": HTTP " + status + " "
                    + answer.path("description").asString(""), status, null);
        }
        return answer;
    }

    private String scrub(String message) {
        String token = properties.token();
        return message == null || token == null || token.isBlank() ? message : message.replace(token, "***");
    }

    /** A failed Bot API call; {@code status} 0 when no HTTP answer came. */
    public static final class TelegramException extends RuntimeException {
        private final int status;

        TelegramException(String message, int status, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
