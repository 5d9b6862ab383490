package com.primejennie.commandhandler.watch;

import java.util.Comparator;
import java.util.List;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.shared.persistence.WatchlistEntry;
import com.primejennie.shared.persistence.WatchlistRepository;

/** {@code /watchlist}: WATCHLIST by LLM score, highest first (long lists are split, never cut). */
public final class WatchlistCommand implements Command {

    private final WatchlistRepository watchlist;

    public WatchlistCommand(WatchlistRepository watchlist) {
        this.watchlist = watchlist;
    }

    @Override
    public String name() {
        return "watchlist";
    }

    @Override
    public String usage() {
        return "/watchlist";
    }

    @Override
    public String description() {
        return "관심종목 목록";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.WATCHLIST;
    }

    @Override
    public Reply execute(CommandRequest request) {
        List<WatchlistEntry> rows = watchlist.findAll().stream()
                .sorted(Comparator.comparing((WatchlistEntry e) -> e.llmScore() == null ? 0 : e.llmScore())
                        .reversed()).toList();
        if (rows.isEmpty()) {
            return Reply.done("📭 관심종목이 없습니다.");
        }
        StringBuilder sb = new StringBuilder("👀 *관심종목* (" + rows.size() + "개)\n");
        int i = 1;
        for (WatchlistEntry e : rows) {
            double score = e.llmScore() == null ? 0 : e.llmScore();
            String emoji = score >= 80 ? "🔥" : score >= 60 ? "📈" : score >= 40 ? "➖" : "📉";
            sb.append(i++).append(". ").append(e.tradable() ? "✅" : "⏸️").append(' ')
                    .append(e.stockName() == null ? e.stockCode() : e.stockName()).append(" (").append(e.stockCode())
                    .append(") ").append(emoji).append(' ').append(Math.round(score)).append("점\n");
        }
        return Reply.done(sb.toString().stripTrailing());
    }
}
