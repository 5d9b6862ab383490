package com.primejennie.commandhandler.command;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deny by default: only the chats of {@code TELEGRAM_ALLOWED_CHAT_IDS} (else the default {@code TELEGRAM_CHAT_ID})
 * are obeyed; with neither, nobody is, and the log says so once. Compared as strings, as the Python bot did.
 */
public final class ChatAuthorization {

    private static final Logger log = LoggerFactory.getLogger(ChatAuthorization.class);

    private final Set<String> allowed;

    public ChatAuthorization(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
        if (this.allowed.isEmpty()) {
            log.warn("No TELEGRAM_ALLOWED_CHAT_IDS and no TELEGRAM_CHAT_ID: the bot obeys nobody (every command is "
                    + "refused and audited)");
        } else {
            log.info("Telegram bot obeys {} chat(s)", this.allowed.size());
        }
    }

    public boolean allows(String chatId) {
        return chatId != null && allowed.contains(chatId.trim());
    }

    public Set<String> allowed() {
        return allowed;
    }
}
