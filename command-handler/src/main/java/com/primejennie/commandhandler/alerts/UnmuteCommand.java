package com.primejennie.commandhandler.alerts;

import org.springframework.data.redis.core.StringRedisTemplate;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;

/** {@code /unmute}: deletes {@code notification:mute}. */
public final class UnmuteCommand implements Command {

    private final StringRedisTemplate redis;
    private final String key;

    public UnmuteCommand(StringRedisTemplate redis, String key) {
        this.redis = redis;
        this.key = key;
    }

    @Override
    public String name() {
        return "unmute";
    }

    @Override
    public String usage() {
        return "/unmute";
    }

    @Override
    public String description() {
        return "알림 다시 켜기";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.NOTIFICATIONS;
    }

    @Override
    public Reply execute(CommandRequest request) {
        redis.delete(key);
        return Reply.done("🔔 알림을 다시 켭니다.");
    }
}
