package com.primejennie.commandhandler.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.commandhandler.command.Texts;
import com.primejennie.shared.kis.KisClient;
import com.primejennie.shared.persistence.ActivePortfolioRepository;
import com.primejennie.shared.persistence.Position;

/** {@code /portfolio}: each holding at its live price (the average price when no quote), and the totals. */
public final class PortfolioCommand implements Command {

    private final ActivePortfolioRepository portfolio;
    private final KisClient kis;

    public PortfolioCommand(ActivePortfolioRepository portfolio, KisClient kis) {
        this.portfolio = portfolio;
        this.kis = kis;
    }

    @Override
    public String name() {
        return "portfolio";
    }

    @Override
    public String usage() {
        return "/portfolio";
    }

    @Override
    public String description() {
        return "보유 종목과 평가손익";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.QUERY;
    }

    @Override
    public Reply execute(CommandRequest request) {
        List<Position> positions = portfolio.findAll();
        if (positions.isEmpty()) {
            return Reply.done("📭 보유 종목이 없습니다.");
        }
        StringBuilder sb = new StringBuilder("💼 *포트폴리오* (" + positions.size() + "종목)\n\n");
        long totalValue = 0;
        long totalPnl = 0;
        int i = 1;
        for (Position p : positions) {
            long avg = p.averageBuyPrice() == null ? 0 : p.averageBuyPrice().setScale(0, RoundingMode.HALF_UP)
                    .longValue();
            long price = avg;
            try {
                long live = kis.currentPrice(p.stockCode()).price();
                price = live > 0 ? live : avg;
            } catch (RuntimeException e) {
                // the average price stands in, as in Python
            }
            long value = price * p.quantity();
            long pnl = (price - avg) * p.quantity();
            totalValue += value;
            totalPnl += pnl;
            double pct = avg > 0 ? (price - avg) * 100.0 / avg : 0;
            sb.append(i++).append(". ").append(p.stockName() == null ? p.stockCode() : p.stockName()).append(" (")
                    .append(p.stockCode()).append(")\n   ").append(p.quantity()).append("주 | 평단: ")
                    .append(Texts.won(avg)).append("원\n   현재: ").append(Texts.won(price)).append("원 | ")
                    .append(pct >= 0 ? "📈 " : "📉 ").append(Texts.pct(pct)).append("%\n");
        }
        long cost = totalValue - totalPnl;
        double totalPct = cost > 0 ? BigDecimal.valueOf(totalPnl * 100.0 / cost).doubleValue() : 0;
        sb.append("\n💰 총 평가금액: ").append(Texts.won(totalValue)).append("원\n")
                .append(totalPnl >= 0 ? "📈" : "📉").append(" 총 손익: ").append(totalPnl >= 0 ? "+" : "")
                .append(Texts.won(totalPnl)).append("원 (").append(Texts.pct(totalPct)).append("%)");
        return Reply.done(sb.toString());
    }
}
