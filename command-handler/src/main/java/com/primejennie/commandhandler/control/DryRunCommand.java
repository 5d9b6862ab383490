package com.primejennie.commandhandler.control;

import java.util.Locale;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.shared.trading.DryRunResolver;
import com.primejennie.shared.trading.TradingFlags;

/**
 * {@code /dryrun [on|off]}: shows or sets {@code trading:dryrun}, which wins over env {@code DRY_RUN} everywhere
 * (the shared resolver): {@code /dryrun off} really turns dry run off [QUIRK fixed]. No TTL.
 */
public final class DryRunCommand implements Command {

    private final TradingFlags flags;
    private final DryRunResolver dryRun;

    public DryRunCommand(TradingFlags flags, DryRunResolver dryRun) {
        this.flags = flags;
        this.dryRun = dryRun;
    }

    @Override
    public String name() {
        return "dryrun";
    }

    @Override
    public String usage() {
        return "/dryrun [on|off]";
    }

    @Override
    public String description() {
        return "모의 주문(DRY_RUN) 조회·전환";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.CONTROL;
    }

    @Override
    public Reply execute(CommandRequest request) {
        String arg = request.arg(0);
        if (arg == null) {
            DryRunResolver.State state = dryRun.state();
            return Reply.done("🧪 *DRY_RUN 상태*: " + (state.active() ? "ON ✅" : "OFF ⭕") + " (" + source(state)
                    + ")\n사용법: `/dryrun on` 또는 `/dryrun off`");
        }
        switch (arg.toLowerCase(Locale.ROOT)) {
            case "on", "true", "1" -> {
                flags.setDryRun(true, "사용자 요청 (" + request.operator() + ")", null);
                return Reply.done("🧪 *DRY_RUN ON*\n주문이 실제로 전송되지 않고 기록만 됩니다.");
            }
            case "off", "false", "0" -> {
                flags.setDryRun(false, "사용자 요청 (" + request.operator() + ")", null);
                return Reply.done("⚠️ *DRY_RUN OFF*\n이제 *실제 주문*이 실행됩니다!");
            }
            default -> {
                return Reply.rejected("❓ 알 수 없는 값: " + arg + "\n사용법: `/dryrun on` 또는 `/dryrun off`");
            }
        }
    }

    static String source(DryRunResolver.State state) {
        return switch (state.source()) {
            case FLAG -> "운영자 설정";
            case ENVIRONMENT -> "환경변수 DRY_RUN";
            case PROFILE_DEFAULT -> "프로필 기본값";
            case FAIL_SAFE -> "Redis 확인 불가 - 안전하게 ON";
        };
    }
}
