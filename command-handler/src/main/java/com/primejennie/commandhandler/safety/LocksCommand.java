package com.primejennie.commandhandler.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.commandhandler.alerts.AlertsCommand;
import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;

/**
 * {@code /locks [clear <종목코드> 확인]}: lists the cooldowns that keep a stock from being bought
 * ({@code stoploss_cooldown:*} from the sell-executor, {@code buy_signal_cooldown:*} from the scanner) and the
 * executor's in-flight {@code lock:buy:*}; {@code clear} deletes the two cooldowns of one stock (never the in-flight
 * lock, which guards an order being decided).
 */
public final class LocksCommand implements Command {

    static final List<String> COOLDOWN_PREFIXES = List.of("stoploss_cooldown:", "buy_signal_cooldown:");
    static final String BUY_LOCK_PREFIX = "lock:buy:";

    private final StringRedisTemplate redis;

    public LocksCommand(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public String name() {
        return "locks";
    }

    @Override
    public String usage() {
        return "/locks [clear <종목코드> 확인]";
    }

    @Override
    public String description() {
        return "쿨다운·매수 잠금 조회·해제";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.SAFETY;
    }

    @Override
    public Reply execute(CommandRequest request) {
        if (!request.hasArgs()) {
            return list();
        }
        if (!"clear".equalsIgnoreCase(request.arg(0)) || request.arg(1) == null
                || !request.arg(1).matches("[0-9A-Z]{6}")) {
            return Reply.rejected("📝 사용법: `/locks` 또는 `/locks clear <종목코드> 확인`");
        }
        String code = request.arg(1);
        List<String> keys = COOLDOWN_PREFIXES.stream().map(p -> p + code).filter(k -> Boolean.TRUE.equals(
                redis.hasKey(k))).toList();
        if (keys.isEmpty()) {
            return Reply.rejected("ℹ️ " + code + " 에 걸린 쿨다운이 없습니다.");
        }
        if (!request.confirmed()) {
            return Reply.rejected("⚠️ " + code + " 쿨다운 " + keys.size() + "개(" + String.join(", ", keys)
                    + ")를 해제하면 곧바로 다시 매수될 수 있습니다.\n실행하려면 `/locks clear " + code + " 확인`");
        }
        redis.delete(keys);
        return Reply.done("🔓 " + code + " 쿨다운을 해제했습니다: " + String.join(", ", keys));
    }

    private Reply list() {
        List<String> lines = new ArrayList<>();
        List<String> prefixes = new ArrayList<>(COOLDOWN_PREFIXES);
        prefixes.add(BUY_LOCK_PREFIX);
        for (String prefix : prefixes) {
            for (String key : AlertsCommand.scan(redis, prefix + "*")) {
                Long ttl = redis.getExpire(key, TimeUnit.SECONDS);
                lines.add("• `" + key + "`" + (ttl == null || ttl < 0 ? " (만료 없음)" : " (" + remaining(ttl) + " 남음)"));
            }
        }
        if (lines.isEmpty()) {
            return Reply.done("✅ 걸린 쿨다운·잠금이 없습니다.");
        }
        lines.sort(null);
        return Reply.done("🔒 *쿨다운·잠금* " + lines.size() + "개\n" + String.join("\n", lines)
                + "\n\n해제: `/locks clear <종목코드> 확인`");
    }

    private static String remaining(long seconds) {
        if (seconds >= 86400) {
            return (seconds / 86400) + "일 " + (seconds % 86400 / 3600) + "시간";
        }
        if (seconds >= 3600) {
            return (seconds / 3600) + "시간 " + (seconds % 3600 / 60) + "분";
        }
        return (seconds / 60) + "분 " + (seconds % 60) + "초";
    }
}
