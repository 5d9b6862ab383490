package com.primejennie.shared.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.market.MarketClock;

/**
 * Writes and reads {@code COMMAND_AUDIT} (Flyway V4): every operator command of the Telegram bot and every action of
 * the dashboard, accepted or refused. Texts longer than their column are cut (an audit row is never lost to a long
 * argument); the time is the market clock's, stored naive UTC.
 */
public class CommandAuditLog {

    static final int TEXT_MAX = 1000;

    private final JdbcClient jdbc;
    private final MarketClock clock;
    private final String tradingMode;

    public CommandAuditLog(JdbcClient jdbc, MarketClock clock, String tradingMode) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tradingMode = tradingMode;
    }

    /** Stores {@code entry} (its id, time and mode are set here) and returns it as stored. */
    public CommandAuditEntry record(CommandAuditEntry entry) {
        Objects.requireNonNull(entry.source(), "source");
        Objects.requireNonNull(entry.outcome(), "outcome");
        if (entry.command() == null || entry.command().isBlank()) {
            throw new IllegalArgumentException("audit entry needs a command name");
        }
        var now = clock.nowUtcNaive();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO COMMAND_AUDIT (SOURCE, CHAT_ID, USER_NAME, COMMAND, ARGUMENTS, OUTCOME, DETAIL,
                    TRADING_MODE, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.source().wire(), cut(entry.chatId(), 64), cut(entry.user(), 100),
                        cut(entry.command(), 64), cut(entry.arguments(), TEXT_MAX), entry.outcome().name(),
                        cut(entry.detail(), TEXT_MAX), tradingMode, now)
                .update(keys);
        Number id = keys.getKey();
        return new CommandAuditEntry(id == null ? null : id.longValue(), entry.source(), entry.chatId(),
                entry.user(), entry.command(), entry.arguments(), entry.outcome(), entry.detail(), tradingMode, now);
    }

    /** The latest {@code limit} entries, newest first. */
    public List<CommandAuditEntry> recent(int limit) {
        return jdbc.sql("SELECT * FROM COMMAND_AUDIT ORDER BY ID DESC LIMIT ?").param(requireLimit(limit))
                .query(this::map).list();
    }

    /** The latest {@code limit} entries of one source, newest first. */
    public List<CommandAuditEntry> recent(AuditSource source, int limit) {
        return jdbc.sql("SELECT * FROM COMMAND_AUDIT WHERE SOURCE = ? ORDER BY ID DESC LIMIT ?")
                .params(source.wire(), requireLimit(limit)).query(this::map).list();
    }

    private static int requireLimit(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("audit limit must be 1-10000, got " + limit);
        }
        return limit;
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static java.time.LocalDateTime createdAt(ResultSet rs) throws SQLException {
        return rs.getObject("CREATED_AT", java.time.LocalDateTime.class);
    }

    private CommandAuditEntry map(ResultSet rs, int row) throws SQLException {
        return new CommandAuditEntry(rs.getLong("ID"), AuditSource.fromWire(rs.getString("SOURCE")),
                rs.getString("CHAT_ID"), rs.getString("USER_NAME"), rs.getString("COMMAND"),
                rs.getString("ARGUMENTS"), AuditOutcome.valueOf(rs.getString("OUTCOME")), rs.getString("DETAIL"),
                rs.getString("TRADING_MODE"), createdAt(rs));
    }
}
