package com.primejennie.commandhandler.safety;

import java.util.List;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.orders.Halt;
import com.primejennie.shared.orders.OrderSafetyView;

/** {@code /halts}: the stocks whose new buys are stopped because an order's fate is unknown. */
public final class HaltsCommand implements Command {

    private final OrderSafetyView safety;

    public HaltsCommand(OrderSafetyView safety) {
        this.safety = safety;
    }

    @Override
    public String name() {
        return "halts";
    }

    @Override
    public String usage() {
        return "/halts";
    }

    @Override
    public String description() {
        return "매수 중단(halt) 종목 목록";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.SAFETY;
    }

    @Override
    public Reply execute(CommandRequest request) {
        List<Halt> halts = safety.halts();
        if (halts.isEmpty()) {
            return Reply.done("✅ 매수 중단된 종목이 없습니다.");
        }
        StringBuilder sb = new StringBuilder("⛔ *매수 중단 종목* " + halts.size() + "개\n");
        for (Halt h : halts) {
            sb.append("• ").append(h.code()).append(": ").append(h.reason()).append("\n   주문: `")
                    .append(h.intentKey()).append("`");
            if (h.since() != null) {
                sb.append("\n   시각: ").append(h.since().atZone(MarketClock.KST).toLocalDateTime().withNano(0));
            }
            sb.append('\n');
        }
        sb.append("\nKIS에서 체결 여부를 확인한 뒤 `/unhalt <종목코드> 확인` 으로 해제하세요.");
        return Reply.done(sb.toString());
    }
}
