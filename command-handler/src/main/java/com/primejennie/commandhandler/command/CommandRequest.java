package com.primejennie.commandhandler.command;

import java.util.List;

import com.primejennie.shared.manual.ManualActor;

/**
 * A parsed command: the name (lower case, {@code @botname} stripped), the arguments (case kept, split on white
 * space) and who sent it.
 */
public record CommandRequest(long updateId, String chatId, String user, String command, List<String> args,
                             String rawText) {

    /** The token that confirms {@code /stop}, {@code /sellall}, {@code /sync}, {@code /unhalt} and {@code /locks}. */
    public static final String CONFIRM = "확인";

    public CommandRequest {
        args = List.copyOf(args);
    }

    public String arg(int i) {
        return i < args.size() ? args.get(i) : null;
    }

    public boolean hasArgs() {
        return !args.isEmpty();
    }

    public String joinedArgs() {
        return String.join(" ", args);
    }

    /** Whether {@code 확인} is among the arguments. */
    public boolean confirmed() {
        return args.contains(CONFIRM);
    }

    /** The arguments without {@code 확인}. */
    public List<String> argsWithoutConfirm() {
        return args.stream().filter(a -> !a.equals(CONFIRM)).toList();
    }

    public ManualActor actor() {
        return ManualActor.telegram(chatId, user);
    }

    /** {@code telegram:<user>}, the operator name written where an action is recorded. */
    public String operator() {
        return "telegram:" + user;
    }
}
