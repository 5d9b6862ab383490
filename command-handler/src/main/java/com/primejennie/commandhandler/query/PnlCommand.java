package com.primejennie.commandhandler.query;

import java.util.List;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.commandhandler.command.Texts;
import com.primejennie.shared.domain.WireJson;
import com.primejennie.shared.market.TradingDay;
import com.primejennie.shared.persistence.TradeLogEntry;
import com.primejennie.shared.persistence.TradeLogRepository;
import com.primejennie.shared.persistence.TradeType;

/**
 * {@code /pnl}: today's trades and realised profit (sum of {@code key_metrics_json.profit_amount} of the sells).
 * "Today" is the KRX trading day from 00:00 KST; the Python bot counted from 00:00 UTC and missed the first half
 * hour of the session [DEFECT, fixed].
 */
public final class PnlCommand implements Command {

    private final TradeLogRepository tradeLog;
    private final TradingDay tradingDay;

    public PnlCommand(TradeLogRepository tradeLog, TradingDay tradingDay) {
        this.tradeLog = tradeLog;
        this.tradingDay = tradingDay;
    }

    @Override
    public String name() {
        return "pnl";
    }

    @Override
    public String usage() {
        return "/pnl";
    }

    @Override
    public String description() {
        return "오늘 매매 건수와 실현손익";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.QUERY;
    }

    @Override
    public Reply execute(CommandRequest request) {
        var window = tradingDay.windowUtcNaive(tradingDay.today());
        List<TradeLogEntry> trades = tradeLog.findSince(window.start()).stream()
                .filter(t -> t.tradeTimestamp() == null || t.tradeTimestamp().isBefore(window.end())).toList();
        if (trades.isEmpty()) {
            return Reply.done("📭 오늘(" + window.day() + ") 거래 내역이 없습니다.");
        }
        long buys = trades.stream().filter(t -> t.tradeType() == TradeType.BUY).count();
        long sells = trades.stream().filter(t -> t.tradeType() == TradeType.SELL).count();
        long realised = 0;
        for (TradeLogEntry t : trades) {
            if (t.tradeType() == TradeType.SELL && t.keyMetricsJson() != null && !t.keyMetricsJson().isBlank()) {
                try {
                    realised += Math.round(WireJson.mapper().readTree(t.keyMetricsJson()).path("profit_amount")
                            .asDouble(0));
                } catch (RuntimeException ignored) {
                    // a row without readable metrics adds nothing
                }
            }
        }
        return Reply.done("📈 *오늘의 손익* (" + window.day() + ")\n매수: " + buys + "건\n매도: " + sells + "건\n"
                + (realised >= 0 ? "💰" : "💸") + " 실현손익: " + (realised >= 0 ? "+" : "") + Texts.won(realised)
                + "원");
    }
}
