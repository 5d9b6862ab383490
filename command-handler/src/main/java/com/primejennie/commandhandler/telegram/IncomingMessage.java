package com.primejennie.commandhandler.telegram;

/**
 * One {@code update.message} of {@code getUpdates}: its update id, {@code chat.id} (a group's id in a group),
 * {@code from.username} ({@code unknown} when absent) and {@code text} (empty when absent, e.g. a photo).
 */
public record IncomingMessage(long updateId, String chatId, String username, String text) {

    public IncomingMessage {
        username = username == null || username.isBlank() ? "unknown" : username;
        text = text == null ? "" : text;
    }
}
