package com.primejennie.commandhandler.query;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.commandhandler.command.Texts;
import com.primejennie.shared.kis.KisClient;

/** {@code /balance}: the orderable cash at KIS. */
public final class BalanceCommand implements Command {

    private final KisClient kis;

    public BalanceCommand(KisClient kis) {
        this.kis = kis;
    }

    @Override
    public String name() {
        return "balance";
    }

    @Override
    public String usage() {
        return "/balance";
    }

    @Override
    public String description() {
        return "주문가능현금";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.QUERY;
    }

    @Override
    public Reply execute(CommandRequest request) {
        try {
            return Reply.done("💵 *주문가능현금*: " + Texts.won(kis.orderableCash()) + "원");
        } catch (RuntimeException e) {
            return Reply.failed("❌ 잔고 조회 실패: " + e.getMessage());
        }
    }
}
