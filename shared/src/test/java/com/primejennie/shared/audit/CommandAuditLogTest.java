package com.primejennie.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.primejennie.shared.market.ManualMarketClock;
import com.primejennie.shared.persistence.MigratedDatabase;

/** COMMAND_AUDIT (V4) on the real MariaDB: what the bot and the dashboard write and read back. */
class CommandAuditLogTest {

    @RegisterExtension
    static final MigratedDatabase DB = MigratedDatabase.emptyingBeforeEach("audit", "COMMAND_AUDIT");

    private final ManualMarketClock clock = new ManualMarketClock(Instant.parse("2026-02-12T00:30:00Z"));

    @Test
    void recordsEveryFieldWithNaiveUtcTimeAndTheTradingMode() {
        CommandAuditLog log = new CommandAuditLog(DB.jdbc(), clock, "MOCK");

        CommandAuditEntry stored = log.record(CommandAuditEntry.of(AuditSource.TELEGRAM, "12345", "jennie", "buy",
                "삼성전자 10", AuditOutcome.EXECUTED, "1-0"));

        assertThat(stored.id()).isNotNull();
        assertThat(log.recent(10)).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(AuditSource.TELEGRAM);
            assertThat(e.chatId()).isEqualTo("12345");
            assertThat(e.user()).isEqualTo("jennie");
            assertThat(e.command()).isEqualTo("buy");
            assertThat(e.arguments()).isEqualTo("삼성전자 10");
            assertThat(e.outcome()).isEqualTo(AuditOutcome.EXECUTED);
            assertThat(e.detail()).isEqualTo("1-0");
            assertThat(e.tradingMode()).isEqualTo("MOCK");
            assertThat(e.createdAt()).isEqualTo(LocalDateTime.of(2026, 2, 12, 0, 30));
        });
    }

    @Test
    void listsNewestFirstAndFiltersBySource() {
        CommandAuditLog log = new CommandAuditLog(DB.jdbc(), clock, "REAL");
        log.record(CommandAuditEntry.of(AuditSource.TELEGRAM, "1", "a", "pause", "", AuditOutcome.EXECUTED, null));
        log.record(CommandAuditEntry.of(AuditSource.DASHBOARD, "admin", "admin", "settings.update", "X=1",
                AuditOutcome.EXECUTED, null));
        log.record(CommandAuditEntry.of(AuditSource.TELEGRAM, "666", "b", "stop", "확인",
                AuditOutcome.UNAUTHORIZED, "chat not allowed"));

        assertThat(log.recent(10)).extracting(CommandAuditEntry::command)
                .containsExactly("stop", "settings.update", "pause");
        assertThat(log.recent(AuditSource.DASHBOARD, 10)).extracting(CommandAuditEntry::command)
                .containsExactly("settings.update");
    }

    @Test
    void cutsTextLongerThanItsColumnInsteadOfLosingTheRow() {
        CommandAuditLog log = new CommandAuditLog(DB.jdbc(), clock, "MOCK");

        log.record(CommandAuditEntry.of(AuditSource.TELEGRAM, "1", "a", "alert", "x".repeat(5000),
                AuditOutcome.REJECTED, "y".repeat(5000)));

        assertThat(log.recent(1).get(0).arguments()).hasSize(CommandAuditLog.TEXT_MAX).endsWith("…");
    }

    @Test
    void refusesAnEntryWithoutACommandName() {
        CommandAuditLog log = new CommandAuditLog(DB.jdbc(), clock, "MOCK");

        assertThatThrownBy(() -> log.record(CommandAuditEntry.of(AuditSource.TELEGRAM, "1", "a", " ", "",
                AuditOutcome.REJECTED, null))).hasMessageContaining("command name");
    }
}
