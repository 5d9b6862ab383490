package com.primejennie.commandhandler.watch;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.commandhandler.stocks.StockResolver;
import com.primejennie.shared.persistence.WatchlistRepository;

/** {@code /unwatch <종목>}: removes the stock from WATCHLIST (the Redis hot watchlist is Scout's and stays). */
public final class UnwatchCommand implements Command {

    private final StockResolver stocks;
    private final WatchlistRepository watchlist;

    public UnwatchCommand(StockResolver stocks, WatchlistRepository watchlist) {
        this.stocks = stocks;
        this.watchlist = watchlist;
    }

    @Override
    public String name() {
        return "unwatch";
    }

    @Override
    public String usage() {
        return "/unwatch <종목>";
    }

    @Override
    public String description() {
        return "관심종목 삭제";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.WATCHLIST;
    }

    @Override
    public Reply execute(CommandRequest request) {
        if (!request.hasArgs()) {
            return Reply.rejected("📝 사용법: `/unwatch <종목명|종목코드>`");
        }
        var stock = stocks.resolve(request.arg(0)).orElse(null);
        if (stock == null) {
            return Reply.rejected(StockResolver.notFound(request.arg(0)));
        }
        return watchlist.delete(stock.code()) ? Reply.done("🗑️ 관심종목에서 삭제했습니다: " + stock.label())
                : Reply.rejected("ℹ️ 관심종목에 없는 종목입니다: " + stock.label());
    }
}
