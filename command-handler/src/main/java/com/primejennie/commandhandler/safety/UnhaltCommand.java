package com.primejennie.commandhandler.safety;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.shared.orders.Halt;
import com.primejennie.shared.orders.OrderSafetyView;
import com.primejennie.shared.orders.OrderService;

/**
 * {@code /unhalt <종목코드> 확인}: lifts a halt through the order service. Without {@code 확인} it shows the halt and
 * asks the operator whether the unknown order filled at KIS (if it did, {@code /sync 확인} first, so the holding is
 * adopted before buys resume).
 */
public final class UnhaltCommand implements Command {

    private final OrderSafetyView safety;
    private final OrderService orders;

    /** @param orders null when this instance runs without the order service (then only the question is shown) */
    public UnhaltCommand(OrderSafetyView safety, OrderService orders) {
        this.safety = safety;
        this.orders = orders;
    }

    @Override
    public String name() {
        return "unhalt";
    }

    @Override
    public String usage() {
        return "/unhalt <종목코드> 확인";
    }

    @Override
    public String description() {
        return "매수 중단 해제 (KIS 체결 확인 후, 확인 필요)";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.SAFETY;
    }

    @Override
    public Reply execute(CommandRequest request) {
        var rest = request.argsWithoutConfirm();
        if (rest.isEmpty() || !rest.get(0).matches("[0-9A-Z]{6}")) {
            return Reply.rejected("📝 사용법: `/unhalt <종목코드> 확인`\n중단 목록: /halts");
        }
        String code = rest.get(0);
        Halt halt = safety.halt(code).orElse(null);
        if (halt == null) {
            return Reply.rejected("ℹ️ 매수 중단 상태가 아닙니다: " + code);
        }
        if (!request.confirmed()) {
            return Reply.rejected("❓ *" + code + " 매수 중단 해제 전 확인*\n사유: " + halt.reason() + "\n주문: `"
                    + halt.intentKey() + "`\n\nKIS(HTS/MTS)에서 이 주문이 *체결되었는지* 확인하셨나요?\n"
                    + "• 체결됐다면: 먼저 `/sync " + code + " 확인` 으로 잔고를 채택하세요.\n"
                    + "• 체결되지 않았다면: `/unhalt " + code + " 확인` 으로 해제하세요.");
        }
        if (orders == null) {
            return Reply.failed("❌ 이 인스턴스에는 주문 서비스가 없어 해제할 수 없습니다. (jennie.orders.enabled)");
        }
        orders.clearHalt(code, request.operator());
        return Reply.done("✅ " + code + " 매수 중단을 해제했습니다.");
    }
}
