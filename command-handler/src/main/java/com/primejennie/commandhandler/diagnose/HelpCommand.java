package com.primejennie.commandhandler.diagnose;

import java.util.function.Supplier;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.CommandTable;
import com.primejennie.commandhandler.command.Reply;

/** {@code /help}: every command of the {@link CommandTable}, by group, generated (so it never goes stale). */
public final class HelpCommand implements Command {

    private final Supplier<CommandTable> table;

    public HelpCommand(Supplier<CommandTable> table) {
        this.table = table;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "/help";
    }

    @Override
    public String description() {
        return "명령어 도움말";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.DIAGNOSTICS;
    }

    @Override
    public Reply execute(CommandRequest request) {
        CommandTable t = table.get();
        StringBuilder sb = new StringBuilder("🤖 *Prime Jennie 명령어* (" + t.commands().size() + "개)\n");
        for (CommandGroup group : CommandGroup.values()) {
            var inGroup = t.commands().stream().filter(c -> c.group() == group).toList();
            if (inGroup.isEmpty()) {
                continue;
            }
            sb.append('\n').append(group.title()).append('\n');
            for (Command c : inGroup) {
                sb.append("`").append(c.usage()).append("` - ").append(c.description()).append('\n');
            }
        }
        return Reply.done(sb.toString().stripTrailing());
    }
}
