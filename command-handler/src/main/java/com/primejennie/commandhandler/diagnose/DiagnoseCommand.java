package com.primejennie.commandhandler.diagnose;

import java.util.List;

import com.primejennie.commandhandler.command.Command;
import com.primejennie.commandhandler.command.CommandGroup;
import com.primejennie.commandhandler.command.CommandRequest;
import com.primejennie.commandhandler.command.Reply;

/** {@code /diagnose} (alias {@code /report}): the {@link Diagnosis} report. */
public final class DiagnoseCommand implements Command {

    private final Diagnosis diagnosis;

    public DiagnoseCommand(Diagnosis diagnosis) {
        this.diagnosis = diagnosis;
    }

    @Override
    public String name() {
        return "diagnose";
    }

    @Override
    public List<String> aliases() {
        return List.of("report");
    }

    @Override
    public String usage() {
        return "/diagnose";
    }

    @Override
    public String description() {
        return "시스템 자가 진단 (/report 동일)";
    }

    @Override
    public CommandGroup group() {
        return CommandGroup.DIAGNOSTICS;
    }

    @Override
    public Reply execute(CommandRequest request) {
        return Reply.done(diagnosis.report());
    }
}
