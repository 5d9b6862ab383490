package com.primejennie.shared.manual;

import java.util.Objects;

import com.primejennie.shared.audit.AuditSource;

/**
 * Who asks for a manual trade: the Telegram chat (and its user) or the dashboard user. The limit counters are kept
 * per {@code source} and {@code id}; {@code user} goes into the message ({@code user} / {@code requested_by}).
 *
 * @param id   the Telegram chat id, or the dashboard's user/session id
 * @param user the Telegram username ({@code unknown} when absent) or the dashboard user
 */
public record ManualActor(AuditSource source, String id, String user) {

    public ManualActor {
        Objects.requireNonNull(source, "source");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("manual actor needs an id (chat id or dashboard user)");
        }
        user = user == null || user.isBlank() ? "unknown" : user;
    }

    public static ManualActor telegram(String chatId, String username) {
        return new ManualActor(AuditSource.TELEGRAM, chatId, username);
    }

    public static ManualActor dashboard(String userId) {
        return new ManualActor(AuditSource.DASHBOARD, userId, userId);
    }
}
