package com.primejennie.commandhandler.safety;

import java.util.List;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.shared.orders.OrderSafetyView;
import com.primejennie.shared.orders.Reconciliation;

/**
 * {@code /sync [종목코드] [확인]}: shows the last reconciliation's mismatches between the broker and ACTIVE_PORTFOLIO;
 * with {@code 확인}, asks the buy-executor to adopt the broker's holding of each (or of the one code given).
 */
public final class SyncCommand implements Command {

    private final OrderSafetyView safety;
    private final BuyExecutorClient executor;

    public SyncCommand(OrderSafetyView safety, BuyExecutorClient executor) {
        this.safety = safety;
        this.executor = executor;
    }

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public String usage() {
        return "/sync [종목코드] [확인]";
    }

    @Override
    public String description() {
        return "브로커 잔고와 포트폴리오 불일치 조회·채택 (확인 필요)";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.SAFETY;
    }

    @Override
    public Reply execute(CommandRequest request) {
        Reconciliation rec = safety.reconciliation().orElse(null);
        if (rec == null) {
            return Reply.rejected("ℹ️ 아직 대사(reconciliation) 결과가 없습니다.");
        }
        List<String> rest = request.argsWithoutConfirm();
        String only = rest.isEmpty() ? null : rest.get(0);
        if (only != null && !only.matches("[0-9A-Z]{6}")) {
            return Reply.rejected("❓ 종목코드가 올바르지 않습니다: " + only + "\n사용법: `/sync [종목코드] [확인]`");
        }
        List<Reconciliation.Mismatch> mismatches = rec.mismatches().stream()
                .filter(m -> only == null || m.code().equals(only)).toList();
        if (mismatches.isEmpty()) {
            return Reply.done("✅ 브로커 잔고와 포트폴리오가 일치합니다." + (only == null ? "" : " (" + only + ")"));
        }
        if (!request.confirmed()) {
            StringBuilder sb = new StringBuilder("⚠️ *잔고 불일치* " + mismatches.size() + "건\n");
            for (Reconciliation.Mismatch m : mismatches) {
                sb.append("• ").append(m.name() == null ? m.code() : m.name()).append(" (").append(m.code())
                        .append("): 브로커 ").append(m.brokerQuantity()).append("주 / 포트폴리오 ")
                        .append(m.portfolioQuantity()).append("주\n");
            }
            sb.append("\n불일치 종목은 신규 매수가 막혀 있습니다.\n브로커 잔고를 채택하려면 `/sync ")
                    .append(only == null ? "" : only + " ").append("확인` 을 입력하세요.");
            return Reply.rejected(sb.toString());
        }
        StringBuilder sb = new StringBuilder("🔄 *브로커 잔고 채택*\n");
        int failed = 0;
        for (Reconciliation.Mismatch m : mismatches) {
            BuyExecutorClient.AdoptAnswer a = executor.adopt(m.code(), request.operator());
            if (a.ok()) {
                sb.append("✅ ").append(m.code()).append(": ").append(a.previousQuantity()).append("주 → ")
                        .append(a.adoptedQuantity()).append("주\n");
            } else {
                failed++;
                sb.append("❌ ").append(m.code()).append(": ").append(a.error()).append('\n');
            }
        }
        String text = sb.toString().stripTrailing();
        return failed == 0 ? Reply.done(text) : Reply.failed(text);
    }
}
