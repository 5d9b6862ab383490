package com.primejennie.commandhandler.settings;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;
import com.primejennie.shared.settings.SettingKey;

/** The shape of /minscore and /maxbuy: show the setting, or set it within its range. */
abstract class IntSettingCommand implements Command {

    private final SettingWriter settings;
    private final SettingKey<Integer> key;
    private final int min;
    private final int max;

    IntSettingCommand(SettingWriter settings, SettingKey<Integer> key, int min, int max) {
        this.settings = settings;
        this.key = key;
        this.min = min;
        this.max = max;
    }

    /** Korean name of the value ("최소 LLM 점수"). */
    abstract String label();

    @Override
    public CommandGroup group() {
        return CommandGroup.SETTINGS;
    }

    @Override
    public Reply execute(CommandRequest request) {
        if (!request.hasArgs()) {
            return Reply.done("⚙️ *" + label() + "*: " + settings.read(key) + "\n변경: `/" + name() + " <" + min + "~"
                    + max + ">`");
        }
        String raw = request.arg(0);
        if (!raw.matches("\\d{1,3}") || Integer.parseInt(raw) < min || Integer.parseInt(raw) > max) {
            return Reply.rejected("❓ " + label() + "은(는) " + min + "~" + max + " 사이의 정수여야 합니다: " + raw);
        }
        settings.write(key, raw, request.operator());
        return Reply.done("✅ " + label() + "을(를) *" + Integer.parseInt(raw) + "* (으)로 변경했습니다. (" + key.name()
                + ")\n(서비스에는 설정 캐시 주기 안에 반영됩니다)");
    }
}
