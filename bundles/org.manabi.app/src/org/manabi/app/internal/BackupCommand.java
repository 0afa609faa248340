package org.manabi.app.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
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
 * whole or not at all: written beside, synced, read back, then renamed.
 * <p>
 * An H2 file is held by the one process that has it open: when a {@code ./manabi serve} runs on the data
 * folder ({@link RunningServe}), that server reads the snapshot and streams it here. A note left by a
 * server that is gone is said so, and the backup then opens the folder itself.
 */
@Command(mixinStandardHelpOptions = true)
final class BackupCommand extends DatabaseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "option.backupOut")
    private Path out;

    /** Where the bytes come from: the database itself or the server that holds it. */
    private interface Source {
        void writeTo(OutputStream out) throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path target = out.toAbsolutePath();
        try {
            if (db == null) {
                Optional<RunningServe> serving = RunningServe.find(DataFolder.orDefault(data));
                if (serving.isPresent()) {
                    try {
                        return write(target, serving.get()::backupTo, serving.get().describe());
                    } catch (RunningServe.GoneException e) {
                        err.println(spec.qualifiedName() + ": " + e.getMessage()
                                + " (it did not stop cleanly); backing up the data folder directly");
                    } catch (IOException | StoreException e) {
                        err.println(spec.qualifiedName() + ": the backup by " + serving.get().describe() + " into "
                                + target + " failed: " + e.getMessage());
                        return 1;
                    }
                }
            }
            try (Database database = open()) {
                return write(target, stream -> Backups.write(database, stream), database.description());
            }
        } catch (StoreException e) {
            err.println(spec.qualifiedName() + ": " + explain(e));
            return 1;
        } catch (IOException e) {
            err.println(spec.qualifiedName() + ": cannot write " + target + ": " + e.getMessage());
            return 1;
        }
    }

    private int write(Path target, Source source, String from) throws Exception {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        boolean gzip = target.toString().endsWith(".gz");
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                    OutputStream file = Channels.newOutputStream(channel)) {
                OutputStream stream = gzip ? new GZIPOutputStream(file, 1 << 16) : file;
                source.writeTo(stream);
                stream.flush();
                if (stream instanceof GZIPOutputStream zipped) {
                    zipped.finish();
                }
                channel.force(true);
            }
            Backups.Summary summary;
            // read back before it is called done: a stream cut on the way must not become "the backup"
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(partial), 1 << 16);
                    InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                summary = Backups.check(in);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getOut().println(MessageFormat.format(spec.resourceBundle().getString("backup.done"),
                    summary.totalRows(), summary.rows().size(), summary.schema(), target, from));
            return 0;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
