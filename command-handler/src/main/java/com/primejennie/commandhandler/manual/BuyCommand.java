package com.primejennie.commandhandler.manual;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.commandhandler.command.Texts;
import com.primejennie.commandhandler.stocks.StockResolver;
import com.primejennie.shared.kis.KisClient;
import com.primejennie.shared.manual.ManualBuy;
import com.primejennie.shared.manual.ManualOrderPublisher;
import com.primejennie.shared.manual.ManualOrderResult;

/**
 * {@code /buy <종목> [수량]}: a manual buy on {@code stream:buy-signals} (the buy-executor decides and orders). Without
 * a quantity, 20 % of the orderable cash at the current price. The daily manual-trade limit is counted only when the
 * message is published, so an unknown stock or a failed price read costs nothing [DEFECT, fixed].
 */
public final class BuyCommand implements Command {

    /** Share of the orderable cash a /buy without quantity spends (Python 0.2). */
    static final double DEFAULT_CASH_SHARE = 0.2;

    private final StockResolver stocks;
    private final KisClient kis;
    private final ManualOrderPublisher publisher;

    public BuyCommand(StockResolver stocks, KisClient kis, ManualOrderPublisher publisher) {
        this.stocks = stocks;
        this.kis = kis;
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return "buy";
    }

    @Override
    public String usage() {
        return "/buy <종목> [수량]";
    }

    @Override
    public String description() {
        return "수동 매수 (수량 생략 시 주문가능현금의 20%)";
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
            return Reply.rejected("📝 사용법: `/buy <종목명|종목코드> [수량]`\n예: `/buy 삼성전자 10`, `/buy 005930`");
        }
        Integer quantity = null;
        if (request.arg(1) != null) {
            quantity = Texts.positiveInt(request.arg(1));
            if (quantity == null) {
                return Reply.rejected("❓ 수량이 올바르지 않습니다: " + request.arg(1));
            }
        }
        var stock = stocks.resolve(request.arg(0)).orElse(null);
        if (stock == null) {
            return Reply.rejected(StockResolver.notFound(request.arg(0)));
        }
        long price;
        try {
            price = kis.currentPrice(stock.code()).price();
        } catch (RuntimeException e) {
            return Reply.failed("❌ 현재가 조회 실패: " + stock.label() + " - " + e.getMessage());
        }
        if (price <= 0) {
            return Reply.failed("❌ 유효하지 않은 현재가입니다: " + stock.label() + " " + price + "원");
        }
        if (quantity == null) {
            long cash;
            try {
                cash = kis.orderableCash();
            } catch (RuntimeException e) {
                return Reply.failed("❌ 주문가능현금 조회 실패: " + e.getMessage());
            }
            long qty = (long) Math.floor(cash * DEFAULT_CASH_SHARE / price);
            if (qty <= 0) {
                return Reply.rejected("❌ 잔고 부족: 주문가능현금 " + Texts.won(cash) + "원, 현재가 " + Texts.won(price)
                        + "원");
            }
            quantity = (int) Math.min(qty, Integer.MAX_VALUE);
        }
        ManualOrderResult r = publisher.buy(ManualBuy.market(request.actor(), stock.code(), stock.name(), price,
                quantity));
        if (!r.published()) {
            return ManualReplies.notPublished(r, "매수");
        }
        return Reply.done("✅ *매수 요청 접수*\n종목: " + stock.label() + "\n수량: " + quantity + "주\n예상 금액: "
                + Texts.won(price * quantity) + "원\n메시지 ID: `" + r.messageId() + "`\n오늘 수동 거래: "
                + r.usedToday() + "/" + r.dailyLimit() + "건" + ManualReplies.dryRunLine(r.dryRun()),
                r.stream() + " " + r.messageId());
    }
}
