package com.primejennie.commandhandler.settings;

import java.util.Map;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.shared.settings.SettingKeys;
import com.primejennie.shared.trading.RiskLevel;

/** {@code /risk [conservative|moderate|aggressive]}: the setting {@code RISK_LEVEL} the buy-executor's sizing reads. */
public final class RiskCommand implements Command {

    static final Map<RiskLevel, String> DESCRIPTIONS = Map.of(
            RiskLevel.CONSERVATIVE, "🛡️ 보수적: 작은 포지션, 손실 최소화",
            RiskLevel.MODERATE, "⚖️ 중립: 기본 포지션",
            RiskLevel.AGGRESSIVE, "🔥 공격적: 큰 포지션, 높은 변동성 감수");

    private final SettingWriter settings;

    public RiskCommand(SettingWriter settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "risk";
    }

    @Override
    public String usage() {
        return "/risk [conservative|moderate|aggressive]";
    }

    @Override
    public String description() {
        return "위험 성향 조회·변경 (RISK_LEVEL)";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.SETTINGS;
    }

    @Override
    public Reply execute(CommandRequest request) {
        if (!request.hasArgs()) {
            RiskLevel current = RiskLevel.fromSetting(settings.read(SettingKeys.RISK_LEVEL));
            return Reply.done("⚙️ *현재 위험 성향*: " + current.settingValue() + "\n" + DESCRIPTIONS.get(current)
                    + "\n변경: `/risk conservative|moderate|aggressive`");
        }
        RiskLevel level;
        try {
            level = RiskLevel.fromSetting(request.arg(0));
        } catch (IllegalArgumentException e) {
            return Reply.rejected("❓ 올바르지 않은 값: " + request.arg(0)
                    + "\n가능한 값: conservative, moderate, aggressive");
        }
        settings.write(SettingKeys.RISK_LEVEL, level.settingValue(), request.operator());
        return Reply.done("✅ 위험 성향을 *" + level.settingValue() + "* 으로 변경했습니다.\n" + DESCRIPTIONS.get(level)
                + "\n(서비스에는 설정 캐시 주기 안에 반영됩니다)");
    }
}
