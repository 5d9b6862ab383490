package com.primejennie.commandhandler.settings;

import java.time.Instant;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.shared.manual.ManualTradeLimits;
import com.primejennie.shared.market.MarketClock;
import com.primejennie.shared.notify.MuteSwitch;
import com.primejennie.shared.settings.SettingKeys;
import com.primejennie.shared.trading.DryRunResolver;
import com.primejennie.shared.trading.TradingFlags;

/** {@code /config}: pause, dry run, the operator settings, mute and the manual-trade limits at a glance. */
public final class ConfigCommand implements Command {

    private final TradingFlags flags;
    private final DryRunResolver dryRun;
    private final SettingWriter settings;
    private final MuteSwitch mute;
    private final ManualTradeLimits limits;
    private final MarketClock clock;

    public ConfigCommand(TradingFlags flags, DryRunResolver dryRun, SettingWriter settings, MuteSwitch mute,
                         ManualTradeLimits limits, MarketClock clock) {
        this.flags = flags;
        this.dryRun = dryRun;
        this.settings = settings;
        this.mute = mute;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "config";
    }

    @Override
    public String usage() {
        return "/config";
    }

    @Override
    public String description() {
        return "현재 설정 요약";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.SETTINGS;
    }

    @Override
    public Reply execute(CommandRequest request) {
        String paused;
        try {
            paused = flags.isPaused() ? "⏸️ 일시 중지" : "▶️ 실행 중";
        } catch (RuntimeException e) {
            paused = "❓ 알 수 없음";
        }
        String muted = mute.mutedUntil().filter(u -> u > clock.instant().getEpochSecond())
                .map(u -> "🔕 " + Instant.ofEpochSecond(u).atZone(MarketClock.KST).toLocalTime() + " 까지")
                .orElse("🔔 켜짐");
        return Reply.done("⚙️ *현재 설정*\n거래: " + paused + "\nDRY_RUN: " + (dryRun.isActive() ? "ON" : "OFF")
                + "\n위험 성향: " + settings.read(SettingKeys.RISK_LEVEL) + "\n최소 LLM 점수: "
                + settings.read(SettingKeys.MIN_LLM_SCORE) + "\n일일 최대 매수: "
                + settings.read(SettingKeys.MAX_BUY_COUNT_PER_DAY) + "\n알림: " + muted + "\n수동 거래 한도: 하루 "
                + limits.dailyLimit() + "건, 명령 간격 " + limits.minInterval().toSeconds() + "초");
    }
}
