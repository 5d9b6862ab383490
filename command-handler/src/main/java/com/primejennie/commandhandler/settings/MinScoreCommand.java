package com.primejennie.commandhandler.settings;

import com.primejennie.shared.settings.SettingKeys;

/** {@code /minscore [0–100]}: the setting {@code MIN_LLM_SCORE} the buy-scanner reads. */
public final class MinScoreCommand extends IntSettingCommand {

    public MinScoreCommand(SettingWriter settings) {
        super(settings, SettingKeys.MIN_LLM_SCORE, 0, 100);
    }

    @Override
    String label() {
        return "최소 LLM 점수";
    }

    @Override
    public String name() {
        return "minscore";
    }

    @Override
    public String usage() {
        return "/minscore [0-100]";
    }

    @Override
    public String description() {
        return "매수 신호 최소 LLM 점수 (MIN_LLM_SCORE)";
    }
}
