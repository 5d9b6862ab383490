package com.primejennie.commandhandler.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bot's settings ({@code jennie.bot.*}, mapped from the Python names in application.properties).
 *
 * @param apiUrl          Bot API root ({@code TELEGRAM_API_URL}); a test points it at a fake Telegram server
 * @param token           bot token (secrets {@code telegram-bot-token}, env {@code TELEGRAM_BOT_TOKEN})
 * @param allowedChatIds  {@code TELEGRAM_ALLOWED_CHAT_IDS}, comma separated; empty = only {@code defaultChatId}
 * @param defaultChatId   {@code TELEGRAM_CHAT_ID}
 * @param pollInterval    pause between cycles ({@code POLL_INTERVAL_SECONDS}, 5 s)
 * @param longPollSeconds {@code getUpdates} server-side timeout (1 s as in Python)
 * @param autoStart       {@code AUTO_START_POLLING}
 * @param leaseTtl        lifetime of the one-poller lease in Redis (renewed every cycle)
 * @param buyExecutorUrl  where {@code /sync} asks for {@code POST /reconcile/adopt}
 * @param internalToken   the suite's internal token ({@code JENNIE_INTERNAL_TOKEN}) for that call and this app's
 *                        own POST endpoints
 * @param services        service name → base URL whose {@code /actuator/health} {@code /diagnose} reads: the
 *                        suite's apps on their default ports, each overridable ({@code jennie.bot.services.<name>})
 *                        or removable (blank)
 */
@ConfigurationProperties("jennie.bot")
public record BotProperties(
        @DefaultValue("https://api.telegram.org") URI apiUrl,
        String token,
        String allowedChatIds,
        String defaultChatId,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("1") int longPollSeconds,
        @DefaultValue("true") boolean autoStart,
        @DefaultValue("30s") Duration leaseTtl,
        @DefaultValue("http://127.0.0.1:8082") URI buyExecutorUrl,
        String internalToken,
        Map<String, URI> services) {

    public BotProperties {
        if (longPollSeconds < 0 || longPollSeconds > 50) {
            throw new IllegalArgumentException("jennie.bot.long-poll-seconds must be 0-50, got " + longPollSeconds);
        }
        Map<String, URI> merged = defaultServices();
        if (services != null) {
            services.forEach((name, url) -> {
                if (url == null || url.toString().isBlank()) {
                    merged.remove(name);
                } else {
                    merged.put(name, url);
                }
            });
        }
        services = merged;
    }

    public boolean configured() {
        return token != null && !token.isBlank();
    }

    /** The chats whose commands are obeyed: the allow-list, else the default chat, else nobody. */
    public Set<String> obeyedChats() {
        Set<String> allowed = split(allowedChatIds);
        if (!allowed.isEmpty()) {
            return allowed;
        }
        return split(defaultChatId);
    }

    private static Set<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The suite's apps on their default ports (README "Modules"). */
    static Map<String, URI> defaultServices() {
        Map<String, URI> m = new LinkedHashMap<>();
        m.put("buy-scanner", URI.create("http://127.0.0.1:8081"));
        m.put("buy-executor", URI.create("http://127.0.0.1:8082"));
        m.put("sell-executor", URI.create("http://127.0.0.1:8083"));
        m.put("price-monitor", URI.create("http://127.0.0.1:8088"));
        m.put("scout-job", URI.create("http://127.0.0.1:8087"));
        m.put("scheduler-service", URI.create("http://127.0.0.1:8095"));
        m.put("news-archiver", URI.create("http://127.0.0.1:8092"));
        m.put("dashboard-backend", URI.create("http://127.0.0.1:8090"));
        return m;
    }
}
