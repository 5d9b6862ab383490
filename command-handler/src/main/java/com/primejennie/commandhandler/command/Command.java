package com.primejennie.commandhandler.command;

import java.util.List;

/**
 * One operator command ({@code /name args…}), one class each. The {@link CommandTable} lists them all; the
 * {@link Dispatcher} authorises, rate-limits, runs and audits them.
 */
public interface Command {

    /** The name without the slash, lower case. */
    String name();

    /** Other names that run this command ({@code report} for {@code diagnose}). */
    default List<String> aliases() {
        return List.of();
    }

    /** How to call it, as {@code /help} shows it ({@code /buy <종목> [수량]}). */
    String usage();

    /** One line of Korean for {@code /help}. */
    String description();

    CommandGroup group();

    /** Trading commands fail closed when the rate limit cannot be read. */
    default boolean trading() {
        return false;
    }

    Reply execute(CommandRequest request);
}
