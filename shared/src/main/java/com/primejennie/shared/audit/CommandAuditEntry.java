package com.primejennie.shared.audit;

import java.time.LocalDateTime;

/**
 * One row of {@code COMMAND_AUDIT}: who ({@code source}, {@code chatId}, {@code user}) asked what ({@code command},
 * {@code arguments}) and what became of it ({@code outcome}, {@code detail}), at {@code createdAt} (naive UTC).
 *
 * @param id        null until stored
 * @param chatId    the Telegram chat id, or the dashboard session/user id
 * @param command   the command name without the slash ({@code buy}, {@code stop}) or the dashboard action
 * @param arguments the arguments as typed, space separated (empty when none)
 * @param detail    a short reason or result (the reply's gist, the error); may be null
 */
public record CommandAuditEntry(Long id, AuditSource source, String chatId, String user, String command,
                                String arguments, AuditOutcome outcome, String detail, String tradingMode,
                                LocalDateTime createdAt) {

    /** An entry to store now (id and time filled by {@link CommandAuditLog#record}). */
    public static CommandAuditEntry of(AuditSource source, String chatId, String user, String command,
                                       String arguments, AuditOutcome outcome, String detail) {
        return new CommandAuditEntry(null, source, chatId, user, command, arguments, outcome, detail, null, null);
    }
}
