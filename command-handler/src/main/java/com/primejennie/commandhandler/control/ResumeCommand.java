package com.primejennie.commandhandler.control;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.shared.trading.TradingFlags;

/** {@code /resume}: pause and emergency stop both written as explicit {@code false} (no TTL). */
public final class ResumeCommand implements Command {

    private final TradingFlags flags;

    public ResumeCommand(TradingFlags flags) {
        this.flags = flags;
    }

    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String usage() {
        return "/resume";
    }

    @Override
    public String description() {
        return "거래 재개 (일시 중지·긴급 중지 해제)";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.CONTROL;
    }

    @Override
    public Reply execute(CommandRequest request) {
        flags.resume("사용자 요청 (" + request.operator() + ")");
        return Reply.done("▶️ *거래 재개*\n자동 매매가 다시 시작됩니다.\n🔓 긴급 중지도 함께 해제되었습니다.");
    }
}
