package com.primejennie.commandhandler.control;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.shared.trading.TradingFlags;

/**
 * {@code /stop 확인|긴급}: emergency stop and pause, until {@code /resume} (never lapses). Without the confirmation in
 * the same message nothing changes and the operator is told how to confirm.
 */
public final class StopCommand implements Command {

    private final TradingFlags flags;

    public StopCommand(TradingFlags flags) {
        this.flags = flags;
    }

    @Override
    public String name() {
        return "stop";
    }

    @Override
    public String usage() {
        return "/stop 확인";
    }

    @Override
    public String description() {
        return "긴급 중지 (모든 자동 매수·매도 중단, 확인 필요)";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.CONTROL;
    }

    @Override
    public Reply execute(CommandRequest request) {
        String first = request.arg(0);
        if (!"확인".equals(first) && !"긴급".equals(first)) {
            return Reply.rejected("⚠️ *긴급 중지 확인*\n긴급 중지는 모든 자동 매수·매도를 중단합니다.\n"
                    + "실행하려면 `/stop 확인` 을 입력하세요.");
        }
        flags.stop("긴급 중지");
        return Reply.done("🛑 *긴급 중지 완료*\n모든 자동 매매가 중지되었습니다.\n재개하려면 /resume 을 입력하세요.");
    }
}
