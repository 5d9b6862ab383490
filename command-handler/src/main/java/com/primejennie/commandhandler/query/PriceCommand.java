package com.primejennie.commandhandler.query;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.commandhandler.command.Texts;
import com.primejennie.commandhandler.stocks.StockResolver;
import com.primejennie.shared.kis.KisClient;
import com.primejennie.shared.kis.Quote;

/** {@code /price <종목>}: price, high, low and the change against today's open (labelled so, as Python computed it). */
public final class PriceCommand implements Command {

    private final StockResolver stocks;
    private final KisClient kis;

    public PriceCommand(StockResolver stocks, KisClient kis) {
        this.stocks = stocks;
        this.kis = kis;
    }

    @Override
    public String name() {
        return "price";
    }

    @Override
    public String usage() {
        return "/price <종목>";
    }

    @Override
    public String description() {
        return "현재가 조회";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.QUERY;
    }

    @Override
    public Reply execute(CommandRequest request) {
        if (!request.hasArgs()) {
            return Reply.rejected("📝 사용법: `/price <종목명|종목코드>`");
        }
        var stock = stocks.resolve(request.arg(0)).orElse(null);
        if (stock == null) {
            return Reply.rejected(StockResolver.notFound(request.arg(0)));
        }
        Quote q;
        try {
            q = kis.currentPrice(stock.code());
        } catch (RuntimeException e) {
            return Reply.failed("❌ 현재가 조회 실패: " + stock.label() + " - " + e.getMessage());
        }
        double change = q.open() > 0 ? (q.price() - q.open()) * 100.0 / q.open() : 0;
        return Reply.done("💹 *" + stock.label() + "*\n현재가: " + Texts.won(q.price()) + "원\n고가: "
                + Texts.won(q.high()) + "원 | 저가: " + Texts.won(q.low()) + "원\n시가 대비: "
                + (change >= 0 ? "📈 " : "📉 ") + Texts.pct(change) + "%");
    }
}
