package com.primejennie.commandhandler.query;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.trading.DryRunResolver;
import com.primejennie.shared.trading.TradingFlagName;
import com.primejennie.shared.trading.TradingFlags;

/** {@code /status}: trading mode, pause, emergency stop, effective dry run and the time in Korea. */
public final class StatusCommand implements Command {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TradingFlags flags;
    private final DryRunResolver dryRun;
    private final MarketClock clock;
    private final String tradingMode;

    public StatusCommand(TradingFlags flags, DryRunResolver dryRun, MarketClock clock, String tradingMode) {
        this.flags = flags;
        this.dryRun = dryRun;
        this.clock = clock;
        this.tradingMode = tradingMode.toUpperCase(Locale.ROOT);
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String usage() {
        return "/status";
    }

    @Override
    public String description() {
        return "현재 상태 (모드, 일시 중지, 긴급 중지, DRY_RUN)";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.QUERY;
    }

    @Override
    public Reply execute(CommandRequest request) {
        String pause = flag(TradingFlagName.PAUSE, "⏸️ 일시 중지", "▶️ 실행 중");
        String stop = flag(TradingFlagName.STOP, "🛑 긴급 중지", "✅ 정상");
        return Reply.done("📊 *시스템 상태*\n" + ("MOCK".equals(tradingMode) ? "🧪" : "💹") + " 모드: " + tradingMode
                + "\n거래: " + pause + "\n긴급 중지: " + stop + "\nDRY_RUN: " + (dryRun.isActive() ? "ON ✅" : "OFF ⭕")
                + "\n🕐 " + clock.now().format(TIME) + " (KST)");
    }

    private String flag(TradingFlagName name, String on, String off) {
        try {
            var f = flags.read(name);
            String until = flags.remaining(name).map(d -> " (" + d.toMinutes() + "분 남음)").orElse("");
            return (f.value() ? on : off) + (f.value() && f.reason() != null && !f.reason().isBlank()
                    ? " - " + f.reason() : "") + (f.value() ? until : "");
        } catch (RuntimeException e) {
            return "❓ 알 수 없음 (" + e.getMessage() + ")";
        }
    }
}
