package com.primejennie.commandhandler.alerts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.commandhandler.command.Texts;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.domain.WireTime;
import com.primejennie.shared.market.MarketClock;

/**
 * {@code /mute <분>}: {@code notification:mute} = {@code {"until": epochSeconds, "set_at": …}} for that long, which the
 * shared notifier now honours (critical alerts still go out). Minutes must be 1–10080 (a week): the Python bot
 * accepted 0 and claimed success after Redis refused the TTL.
 */
public final class MuteCommand implements Command {

    static final int MAX_MINUTES = 7 * 24 * 60;

    private final StringRedisTemplate redis;
    private final MarketClock clock;
    private final String key;

    public MuteCommand(StringRedisTemplate redis, MarketClock clock, String key) {
        this.redis = redis;
        this.clock = clock;
        this.key = key;
    }

    @Override
    public String name() {
        return "mute";
    }

    @Override
    public String usage() {
        return "/mute <분>";
    }

    @Override
    public String description() {
        return "알림 일시 끄기 (긴급 알림 제외)";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.NOTIFICATIONS;
    }

    @Override
    public Reply execute(CommandRequest request) {
        Integer minutes = Texts.positiveInt(request.arg(0));
        if (minutes == null || minutes > MAX_MINUTES) {
            return Reply.rejected("📝 사용법: `/mute <분>` (1~" + MAX_MINUTES + ")\n예: `/mute 30`");
        }
        long until = clock.instant().getEpochSecond() + minutes * 60L;
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("until", until);
        value.put("set_at", WireTime.format(clock.instant()));
        redis.opsForValue().set(key, WireJson.mapper().writeValueAsString(value), Duration.ofMinutes(minutes));
        return Reply.done("🔕 " + minutes + "분 동안 알림을 끕니다. (긴급 알림은 전송)\n해제: /unmute");
    }
}
