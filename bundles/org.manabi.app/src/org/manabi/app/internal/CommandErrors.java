package org.manabi.app.internal;

import java.text.MessageFormat;

import picocli.CommandLine.Model.CommandSpec;

/**
 * The messages of a sub-command from cli.properties, and its two ways to fail: a usage error (exit 2) and bad
 * input (exit 1), each one line on stderr that starts with the command's name.
 */
final class CommandErrors {

    /** Why a command stops early, with its exit code. */
    static final class Failure extends Exception {

        private static final long serialVersionUID = 1L;

        private final int exitCode;

        private Failure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    private final CommandSpec spec;

    CommandErrors(CommandSpec spec) {
        this.spec = spec;
    }

    String text(String key, Object... arguments) {
        return MessageFormat.format(spec.resourceBundle().getString(key), arguments);
    }

    /** What is wrong with the command line: exit 2. */
    Failure usage(String message) {
        return new Failure(2, message);
    }

    /** Which input is bad: exit 1. */
    Failure badInput(String message) {
        return new Failure(1, message);
    }

    /** Says why the command stopped and gives its exit code. */
    int report(Failure failure) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + failure.getMessage());
        return failure.exitCode;
    }
}
