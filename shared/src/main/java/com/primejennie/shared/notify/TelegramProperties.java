package com.primejennie.shared.notify;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how {@link TelegramNotifier} sends ({@code jennie.telegram.*}). The token and chat id default, in
 * jennie-defaults.properties, to the Python lookup order: secrets {@code telegram-bot-token} /
 * {@code telegram-chat-id} (either separator), then env {@code TELEGRAM_BOT_TOKEN} / {@code TELEGRAM_CHAT_ID}.
 *
 * @param baseUrl   Bot API root; a test or a proxy points it elsewhere
 * @param botToken  blank = notifier disabled (logged once, every send returns false)
 * @param chatId    blank = notifier disabled
 * @param timeout   per HTTP request
 * @param muteKey   Redis key of the operator's {@code /mute} ({@code {"until": epochSeconds, "set_at": ...}})
 */
@ConfigurationProperties("jennie.telegram")
public record TelegramProperties(
        @DefaultValue("https://api.telegram.org") URI baseUrl,
        String botToken,
        String chatId,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("notification:mute") String muteKey) {

    public boolean configured() {
        return botToken != null && !botToken.isBlank() && chatId != null && !chatId.isBlank();
    }
}
