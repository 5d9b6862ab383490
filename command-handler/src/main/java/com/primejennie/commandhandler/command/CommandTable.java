package com.primejennie.commandhandler.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every command the bot obeys, by name and alias, in {@code /help} order. Built in one place
 * ({@code CommandConfiguration#commandTable}); a name given twice is a start-up error.
 */
public final class CommandTable {

    private final List<Command> commands;
    private final Map<String, Command> byName;

    public CommandTable(List<Command> commands) {
        this.commands = List.copyOf(commands);
        Map<String, Command> names = new LinkedHashMap<>();
        for (Command c : commands) {
            List<String> all = new ArrayList<>();
            all.add(c.name());
            all.addAll(c.aliases());
            for (String n : all) {
                if (names.putIfAbsent(n, c) != null) {
                    throw new IllegalStateException("command name /" + n + " is given twice");
                }
            }
        }
        this.byName = Collections.unmodifiableMap(names);
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The commands in {@code /help} order. */
    public List<Command> commands() {
        return commands;
    }

    /** Every accepted name, aliases included. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
