package com.primejennie.scoutjob.data;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.primejennie.shared.domain.JobMessage;
import com.primejennie.shared.jobs.JobHandler;
import com.primejennie.shared.jobs.JobOutcome;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.orders.OrderState;
import com.primejennie.shared.settings.RuntimeSettings;
import com.primejennie.shared.settings.SettingKeys;

/**
 * {@code data-cleanup}: deletes rows past their retention, each table's days read from the runtime settings
 * ({@code DATA_RETENTION_*}): minute bars, the shadow-radar and briefing logs, and final order-ledger rows with their
 * fills. An order that is not final (intended, sent, accepted, partially filled, unknown) is never deleted, however
 * old. Deleting what is already gone is a no-op, so reruns and a resumed crash are safe. STOCK_DAILY_PRICES_3Y is
 * never purged (ARCHITECTURE §10).
 */
public class CleanupJob implements JobHandler {

    private final JdbcClient jdbc;
    private final MarketClock clock;
    private final RuntimeSettings settings;

    public CleanupJob(JdbcClient jdbc, MarketClock clock, RuntimeSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public JobOutcome run(JobMessage message) {
        LocalDateTime now = clock.nowUtcNaive();
        Map<String, Object> deleted = new LinkedHashMap<>();
        int minuteDays = positive(settings.get(SettingKeys.DATA_RETENTION_MINUTE_BARS_DAYS), "minute bars");
        int logDays = positive(settings.get(SettingKeys.DATA_RETENTION_LOG_DAYS), "logs");
        int ledgerDays = positive(settings.get(SettingKeys.DATA_RETENTION_LEDGER_DAYS), "ledger");
        deleted.put("STOCK_MINUTE_PRICE", jdbc.sql("DELETE FROM STOCK_MINUTE_PRICE WHERE PRICE_TIME < ?")
                .param(now.minusDays(minuteDays)).update());
        deleted.put("SHADOW_RADAR_LOG", jdbc.sql("DELETE FROM SHADOW_RADAR_LOG WHERE `TIMESTAMP` < ?")
                .param(now.minusDays(logDays)).update());
        deleted.put("DAILY_BRIEFING_LOG", jdbc.sql("DELETE FROM DAILY_BRIEFING_LOG WHERE REPORT_DATE < ?")
                .param(now.toLocalDate().minusDays(logDays)).update());
        String finals = String.join(",", java.util.Arrays.stream(OrderState.values()).filter(OrderState::isFinal)
                .map(s -> "'" + s.name() + "'").toList());
        for (String suffix : new String[]{"", "_MOCK"}) {
            LocalDateTime cutoff = now.minusDays(ledgerDays);
            int fills = jdbc.sql("DELETE f FROM ORDER_FILL" + suffix + " f JOIN ORDER_LEDGER" + suffix
                            + " o ON o.INTENT_KEY = f.INTENT_KEY WHERE o.STATE IN (" + finals + ") AND o.UPDATED_AT < ?")
                    .param(cutoff).update();
            int orders = jdbc.sql("DELETE FROM ORDER_LEDGER" + suffix + " WHERE STATE IN (" + finals
                    + ") AND UPDATED_AT < ?").param(cutoff).update();
            deleted.put("ORDER_FILL" + suffix, fills);
            deleted.put("ORDER_LEDGER" + suffix, orders);
        }
        long total = deleted.values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
        Map<String, Object> stats = new LinkedHashMap<>(deleted);
        stats.put("rows", total);
        return JobOutcome.done("clean-up: %d rows deleted %s (minute bars %dd, logs %dd, final orders %dd)"
                .formatted(total, deleted, minuteDays, logDays, ledgerDays), stats);
    }

    private static int positive(Integer days, String what) {
        if (days == null || days < 1) {
            throw new IllegalArgumentException("retention of " + what + " must be at least 1 day, was " + days);
        }
        return days;
    }
}
