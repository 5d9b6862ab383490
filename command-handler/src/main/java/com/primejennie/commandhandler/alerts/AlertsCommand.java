package com.primejennie.commandhandler.alerts;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.commandhandler.command.Texts;

/** {@code /alerts}: every {@code price_alert:*}, found with SCAN (the Python bot blocked Redis with KEYS). */
public final class AlertsCommand implements Command {

    private final StringRedisTemplate redis;

    public AlertsCommand(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public String usage() {
        return "/alerts";
    }

    @Override
    public String description() {
        return "가격 알림 목록";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.NOTIFICATIONS;
    }

    @Override
    public Reply execute(CommandRequest request) {
        List<String> keys = scan(redis, PriceAlert.PREFIX + "*");
        List<PriceAlert> alerts = new ArrayList<>();
        for (String key : keys) {
            String json = redis.opsForValue().get(key);
            if (json != null) {
                try {
                    alerts.add(PriceAlert.parse(json));
                } catch (RuntimeException e) {
                    // a malformed alert is skipped
                }
            }
        }
        if (alerts.isEmpty()) {
            return Reply.done("📭 설정된 가격 알림이 없습니다.");
        }
        alerts.sort(java.util.Comparator.comparing(PriceAlert::stockCode));
        StringBuilder sb = new StringBuilder("🔔 *가격 알림* (" + alerts.size() + "개)\n");
        for (PriceAlert a : alerts) {
            sb.append("• ").append(a.stockName()).append(" (").append(a.stockCode()).append(")\n   ")
                    .append("below".equals(a.alertType()) ? "⬇️ " : "⬆️ ").append(Texts.won(a.targetPrice()))
                    .append("원").append(a.triggered() ? " (발동됨)" : "").append('\n');
        }
        return Reply.done(sb.toString().stripTrailing());
    }

    /** The keys matching {@code pattern}, by SCAN. */
    public static List<String> scan(StringRedisTemplate redis, String pattern) {
        List<String> keys = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(pattern).count(500).build())) {
            cursor.forEachRemaining(keys::add);
        }
        return keys;
    }
}
