package com.primejennie.commandhandler.control;

import java.time.Duration;
import java.util.List;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.shared.trading.TradingFlags;

/**
 * {@code /pause [기간] [사유…]}: automatic buys stop (manual ones pass) until {@code /resume}. No TTL unless a duration
 * ({@code 30m}, {@code 2h}, {@code 1d}) is given first — the Python 24 h expiry is gone [DEFECT, fixed].
 */
public final class PauseCommand implements Command {

    private final TradingFlags flags;

    public PauseCommand(TradingFlags flags) {
        this.flags = flags;
    }

    @Override
    public String name() {
        return "pause";
    }

    @Override
    public String usage() {
        return "/pause [기간] [사유]";
    }

    @Override
    public String description() {
        return "자동 매수 일시 중지 (기간 예: 30m, 2h, 1d)";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.CONTROL;
    }

    @Override
    public Reply execute(CommandRequest request) {
        List<String> args = request.args();
        Duration ttl = args.isEmpty() ? null : DurationArgument.parse(args.get(0));
        List<String> reasonWords = ttl == null ? args : args.subList(1, args.size());
        String reason = reasonWords.isEmpty() ? "사용자 요청" : String.join(" ", reasonWords);
        flags.pause(reason, ttl);
        return Reply.done("⏸️ *자동 매수 일시 중지*\n📝 사유: " + reason + "\n"
                + (ttl == null ? "⏱️ 기간: /resume 할 때까지" : "⏱️ 기간: " + DurationArgument.korean(ttl) + " 후 자동 해제")
                + "\n수동 매수·매도는 계속 가능합니다. 재개: /resume");
    }
}
