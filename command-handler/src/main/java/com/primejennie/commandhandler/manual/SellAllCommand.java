package com.primejennie.commandhandler.manual;

import java.util.List;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.shared.manual.ManualOrderPublisher;
import com.primejennie.shared.manual.ManualOrderResult;
import com.primejennie.shared.manual.ManualSell;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.Position;

/**
 * {@code /sellall 확인}: one {@code MANUAL_SELLALL} message per holding. Without {@code 확인} exactly, a preview
 * (count, first five, "type /sellall 확인"). Not counted by the daily manual-trade limit: liquidation must stay possible.
 */
public final class SellAllCommand implements Command {

    private final ActivePortfolioRepository portfolio;
    private final ManualOrderPublisher publisher;

    public SellAllCommand(ActivePortfolioRepository portfolio, ManualOrderPublisher publisher) {
        this.portfolio = portfolio;
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return "sellall";
    }

    @Override
    public String usage() {
        return "/sellall 확인";
    }

    @Override
    public String description() {
        return "보유 종목 전량 매도 (확인 필요)";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.MANUAL;
    }

    @Override
    public boolean trading() {
        return true;
    }

    @Override
    public Reply execute(CommandRequest request) {
        List<Position> held = portfolio.findAll().stream().filter(p -> p.quantity() > 0).toList();
        if (held.isEmpty()) {
            return Reply.rejected("📭 청산할 보유 종목이 없습니다.");
        }
        if (!(request.args().size() == 1 && CommandRequest.CONFIRM.equals(request.arg(0)))) {
            StringBuilder sb = new StringBuilder("⚠️ *전량 매도 확인*\n보유 종목 " + held.size() + "개를 모두 매도합니다.\n");
            held.stream().limit(5).forEach(p -> sb.append("• ").append(name(p)).append(": ").append(p.quantity())
                    .append("주\n"));
            if (held.size() > 5) {
                sb.append("... 외 ").append(held.size() - 5).append("개\n");
            }
            sb.append("\n실행하려면 `/sellall 확인` 을 입력하세요.");
            return Reply.rejected(sb.toString());
        }
        List<ManualOrderResult> results = publisher.sellAll(held.stream()
                .map(p -> new ManualSell(request.actor(), p.stockCode(), name(p), p.quantity())).toList());
        long ok = results.stream().filter(ManualOrderResult::published).count();
        long failed = results.size() - ok;
        boolean dry = !results.isEmpty() && results.get(0).dryRun();
        String text = (dry ? "[DRY_RUN] " : "") + "🚨 *전량 매도 요청*\n✅ 성공: " + ok + "건\n❌ 실패: " + failed
                + "건\n체결 결과는 별도로 알려드립니다.";
        return failed == 0 ? Reply.done(text, ok + " sell messages") : Reply.failed(text);
    }

    private static String name(Position p) {
        return p.stockName() == null || p.stockName().isBlank() ? p.stockCode() : p.stockName();
    }
}
