package org.manabi.app.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** A sub-command of the contract that this version does not have yet: it says so and exits 2. */
@Command(mixinStandardHelpOptions = true)
final class NotBuiltCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Unmatched
    private List<String> ignored;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println(MessageFormat.format(spec.resourceBundle().getString("notBuilt.message"),
                spec.qualifiedName()));
        return 2;
    }
}
