package com.primejennie.commandhandler.watch;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.commandhandler.stocks.StockResolver;
import com.primejennie.shared.persistence.WatchlistEntry;
import com.primejennie.shared.persistence.WatchlistRepository;

/**
 * {@code /watch <종목>}: adds the stock to WATCHLIST (tradable, TIER1, score 50). Unlike the Python upsert it does not
 * delete the other rows scored more than 24 h ago first: pruning Scout's list is Scout's job, not a side effect of
 * an operator command.
 */
public final class WatchCommand implements Command {

    static final String REASON = "[Telegram /watch 명령으로 수동 추가]";

    private final StockResolver stocks;
    private final WatchlistRepository watchlist;

    public WatchCommand(StockResolver stocks, WatchlistRepository watchlist) {
        this.stocks = stocks;
        this.watchlist = watchlist;
    }

    @Override
    public String name() {
        return "watch";
    }

    @Override
    public String usage() {
        return "/watch <종목>";
    }

    @Override
    public String description() {
        return "관심종목 추가";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.WATCHLIST;
    }

    @Override
    public Reply execute(CommandRequest request) {
        if (!request.hasArgs()) {
            return Reply.rejected("📝 사용법: `/watch <종목명|종목코드>`");
        }
        var stock = stocks.resolve(request.arg(0)).orElse(null);
        if (stock == null) {
            return Reply.rejected(StockResolver.notFound(request.arg(0)));
        }
        if (watchlist.find(stock.code()).isPresent()) {
            return Reply.rejected("ℹ️ 이미 관심종목에 있습니다: " + stock.label());
        }
        watchlist.upsert(new WatchlistEntry(stock.code(), stock.name(), true, "TIER1", 50.0, REASON, null, null,
                null, null, null, null, null, null, null));
        return Reply.done("👀 관심종목에 추가했습니다: " + stock.label());
    }
}
