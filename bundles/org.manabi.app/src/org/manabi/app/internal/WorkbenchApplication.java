package org.manabi.app.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.manabi.ui.ManabiWorkbench;
import org.manabi.ui.WorkbenchSettings;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./manabi} with no sub-command: the workbench window on a content folder. Workbench state
 * (layout, preferences) lives in {@code <data>/workbench}, locked so that two workbenches never share it.
 */
public final class WorkbenchApplication implements IApplication {

    @Command(name = "manabi")
    static final class Options {
        @Option(names = "--content")
        Path content = Path.of("content");

        @Option(names = "--data")
        Path data = Path.of(System.getProperty("user.home"), ".manabi");

        /** The embedded web server's loopback port; -1 starts none. */
        @Option(names = "--port")
        int port = 8080;
    }

    @Override
    public Object start(IApplicationContext context) throws IOException {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        Options options = new Options();
        // unknown arguments are the platform's (-nl, -clearPersistedState, ...): let them pass
        new CommandLine(options).setUnmatchedArgumentsAllowed(true).parseArgs(args == null ? new String[0] : args);

        String locked = lockWorkbenchState(options.data.resolve("workbench"));
        if (locked != null) {
            System.err.println(locked);
            return Integer.valueOf(1);
        }
        Display display = PlatformUI.createDisplay();
        try {
            int result = ManabiWorkbench.run(display, new WorkbenchSettings(options.content.toAbsolutePath(),
                    options.data.toAbsolutePath(), options.port < 0 ? null : Integer.valueOf(options.port)));
            return result == PlatformUI.RETURN_RESTART ? EXIT_RESTART : EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    /** @return why the state folder cannot be used, or null when it is now ours */
    private static String lockWorkbenchState(Path folder) throws IOException {
        Location instance = Platform.getInstanceLocation();
        if (instance == null || instance.isSet()) {
            return null; // set by -data, as test harnesses do
        }
        Files.createDirectories(folder);
        if (!instance.set(folder.toUri().toURL(), true)) {
            return MessageFormat.format(ResourceBundle.getBundle("org.manabi.app.internal.cli", Locale.getDefault(),
                    WorkbenchApplication.class.getClassLoader()).getString("workbench.locked"), folder);
        }
        return null;
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
