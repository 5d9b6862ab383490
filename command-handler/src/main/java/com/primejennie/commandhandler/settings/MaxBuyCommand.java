package com.primejennie.commandhandler.settings;

import com.primejennie.shared.settings.SettingKeys;

/** {@code /maxbuy [0–20]}: the setting {@code MAX_BUY_COUNT_PER_DAY} the buy-executor reads. */
public final class MaxBuyCommand extends IntSettingCommand {

    public MaxBuyCommand(SettingWriter settings) {
        super(settings, SettingKeys.MAX_BUY_COUNT_PER_DAY, 0, 20);
    }

    @Override
    String label() {
        return "일일 최대 매수 횟수";
    }

    @Override
    public String name() {
        return "maxbuy";
    }

    @Override
    public String usage() {
        return "/maxbuy [0-20]";
    }

    @Override
    public String description() {
        return "일일 최대 매수 횟수 (MAX_BUY_COUNT_PER_DAY)";
    }
}
