package org.manabi.app.internal;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The headless application behind {@code ./manabi <sub-command>}: it hands the arguments to
 * {@link ManabiCommandLine} and returns its exit code (0 ok, 1 bad input, 2 usage error).
 */
public final class CommandLineApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        Logging.bridgeJavaUtilLogging();
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        // UTF-8 whatever the console's locale says: diagnostics quote Japanese titles
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return ManabiCommandLine.execute(args == null ? new String[0] : args, out, err);
    }

    @Override
    public void stop() {
        // every sub-command ends by itself; serve stops through its shutdown hook
    }
}
