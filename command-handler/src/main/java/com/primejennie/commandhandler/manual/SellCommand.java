package com.primejennie.commandhandler.manual;

import java.util.Set;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.commandhandler.command.Texts;
import com.primejennie.commandhandler.stocks.StockResolver;
import com.primejennie.shared.manual.ManualOrderPublisher;
import com.primejennie.shared.manual.ManualOrderResult;
import com.primejennie.shared.manual.ManualSell;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.Position;

/**
 * {@code /sell <종목> [수량|전량|all|모두]}: a manual sell of a held stock on {@code stream:sell-orders}
 * ({@code MANUAL_SELL}, which passes an emergency stop). The holding is read from ACTIVE_PORTFOLIO; the sell-executor
 * caps it to the broker's. No price read is needed: a manual exit is not blocked by a quote failure.
 */
public final class SellCommand implements Command {

    static final Set<String> ALL_WORDS = Set.of("전량", "all", "ALL", "모두");

    private final StockResolver stocks;
    private final ActivePortfolioRepository portfolio;
    private final ManualOrderPublisher publisher;

    public SellCommand(StockResolver stocks, ActivePortfolioRepository portfolio, ManualOrderPublisher publisher) {
        this.stocks = stocks;
        this.portfolio = portfolio;
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return "sell";
    }

    @Override
    public String usage() {
        return "/sell <종목> [수량|전량]";
    }

    @Override
    public String description() {
        return "수동 매도 (수량 생략 시 전량)";
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
        if (!request.hasArgs()) {
            return Reply.rejected("📝 사용법: `/sell <종목명|종목코드> [수량|전량]`\n예: `/sell 삼성전자 5`, `/sell 005930 전량`");
        }
        String qtyArg = request.arg(1);
        Integer quantity = null;
        if (qtyArg != null && !ALL_WORDS.contains(qtyArg)) {
            quantity = Texts.positiveInt(qtyArg);
            if (quantity == null) {
                return Reply.rejected("❓ 수량이 올바르지 않습니다: " + qtyArg);
            }
        }
        var stock = stocks.resolve(request.arg(0)).orElse(null);
        if (stock == null) {
            return Reply.rejected(StockResolver.notFound(request.arg(0)));
        }
        Position held = portfolio.find(stock.code()).filter(p -> p.quantity() > 0).orElse(null);
        if (held == null) {
            return Reply.rejected("❌ 보유하지 않은 종목입니다: " + stock.label());
        }
        String name = held.stockName() == null || held.stockName().isBlank() ? stock.name() : held.stockName();
        if (quantity == null) {
            quantity = held.quantity();
        } else if (quantity > held.quantity()) {
            return Reply.rejected("❌ 보유 수량을 초과했습니다: " + name + " 보유 " + held.quantity() + "주, 요청 "
                    + quantity + "주");
        }
        ManualOrderResult r = publisher.sell(new ManualSell(request.actor(), stock.code(), name, quantity));
        if (!r.published()) {
            return ManualReplies.notPublished(r, "매도");
        }
        return Reply.done("📤 *매도 요청 접수* (체결 결과는 별도 알림)\n종목: " + name + " (" + stock.code() + ")\n수량: "
                + quantity + "주\n메시지 ID: `" + r.messageId() + "`\n오늘 수동 거래: " + r.usedToday() + "/"
                + r.dailyLimit() + "건" + ManualReplies.dryRunLine(r.dryRun()), r.stream() + " " + r.messageId());
    }
}
