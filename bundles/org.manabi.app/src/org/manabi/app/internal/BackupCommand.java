package org.manabi.app.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.text.MessageFormat;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

import org.manabi.store.Backups;
import org.manabi.store.Database;
import org.manabi.store.StoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code manabi backup --out FILE}: every table of the operational database in one consistent snapshot,
 * in the portable format of {@link Backups} (gzipped when FILE ends in {@code .gz}). The file appears
 * whole or not at all: written beside, synced, then renamed.
 */
@Command(mixinStandardHelpOptions = true)
final class BackupCommand extends DatabaseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "option.backupOut")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Backups.Summary summary;
        try (Database database = open()) {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                    OutputStream file = java.nio.channels.Channels.newOutputStream(channel)) {
                OutputStream stream = target.toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file;
                summary = Backups.write(database, stream);
                stream.flush();
                if (stream instanceof GZIPOutputStream gzip) {
                    gzip.finish();
                }
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getOut().println(MessageFormat.format(spec.resourceBundle().getString("backup.done"),
                    summary.totalRows(), summary.rows().size(), summary.schema(), target, database.description()));
            return 0;
        } catch (StoreException e) {
            Files.deleteIfExists(partial);
            err.println(spec.qualifiedName() + ": " + explain(e));
            return 1;
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            err.println(spec.qualifiedName() + ": cannot write " + target + ": " + e.getMessage());
            return 1;
        }
    }
}
