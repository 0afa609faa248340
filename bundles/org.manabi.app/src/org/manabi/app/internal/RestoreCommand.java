package org.manabi.app.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

import org.manabi.store.Backups;
import org.manabi.store.Database;
import org.manabi.store.StoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code manabi restore FILE}: a backup into an empty database (a new data folder or an empty
 * PostgreSQL schema), H2 or PostgreSQL whichever the backup came from. All or nothing.
 */
@Command(mixinStandardHelpOptions = true)
final class RestoreCommand extends DatabaseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", descriptionKey = "restore.file")
    private Path file;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                InputStream in = gzipped(raw) ? new GZIPInputStream(raw, 1 << 16) : raw;
                Database database = open()) {
            Backups.Summary summary = Backups.restore(database, in);
            spec.commandLine().getOut().println(MessageFormat.format(spec.resourceBundle().getString("restore.done"),
                    summary.totalRows(), summary.rows().size(), file, database.description()));
            return 0;
        } catch (NoSuchFileException e) {
            err.println(spec.qualifiedName() + ": " + file + " does not exist");
            return 1;
        } catch (StoreException e) {
            err.println(spec.qualifiedName() + ": " + file + ": " + explain(e));
            return 1;
        } catch (IOException e) {
            err.println(spec.qualifiedName() + ": cannot read " + file + ": " + e.getMessage());
            return 1;
        }
    }

    /** By content, not by name: gzip files begin with 1f 8b. */
    private static boolean gzipped(InputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip;
    }
}
