package org.manabi.app.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The note a running {@code ./manabi serve} on H2 leaves in its data folder ({@value #FILE}, readable by
 * its owner only): where its administration door listens on loopback, the token of this run, and its
 * process id. {@code ./manabi backup} reads it to ask that process for the backup, since the H2 file is
 * held by one process. The server removes the note when it stops; one left by a server that was killed
 * is recognised as such (the process is gone, or nothing answers) and said so.
 */
final class RunningServe {

    static final String FILE = "serve-admin.properties";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path note;
    private final URI door;
    private final String token;
    private final long pid;

    private RunningServe(Path note, URI door, String token, long pid) {
        this.note = note;
        this.door = door;
        this.token = token;
        this.pid = pid;
    }

    /** The serve process is gone or does not answer: the note is stale. */
    static final class GoneException extends Exception {

        private static final long serialVersionUID = 1L;

        GoneException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A random token for one run, 256 bits, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Leaves the note of this process (replacing a stale one); {@link #withdraw()} removes it. */
    static RunningServe announce(Path dataFolder, URI door, String token) throws IOException {
        Path note = dataFolder.resolve(FILE);
        Path partial = dataFolder.resolve(FILE + ".partial");
        Files.deleteIfExists(partial);
        ownerOnly(partial);
        long pid = ProcessHandle.current().pid();
        Properties properties = new Properties();
        properties.setProperty("door", door.toString());
        properties.setProperty("token", token);
        properties.setProperty("pid", Long.toString(pid));
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            properties.store(out, "./manabi serve runs on this data folder; ./manabi backup asks it through this note");
        }
        Files.move(partial, note, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new RunningServe(note, door, token, pid);
    }

    /** Creates an empty file that only its owner may read and write, before any secret goes in. */
    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return;
        }
        Files.createFile(file);
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl != null) {
            // Windows: the owner alone, instead of the entries inherited from the folder
            acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(Files.getOwner(file))
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
        }
    }

    /** Removes the note, if it is still this process's. */
    void withdraw() {
        try {
            Optional<RunningServe> current = find(note.getParent());
            if (current.isPresent() && current.get().pid == pid && current.get().token.equals(token)) {
                Files.deleteIfExists(note);
            }
        } catch (IOException e) {
            // the next serve replaces it, and backup recognises it as stale meanwhile
        }
    }

    /** The note in {@code dataFolder}, if there is one. */
    static Optional<RunningServe> find(Path dataFolder) throws IOException {
        Path note = dataFolder.resolve(FILE);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(note, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String door = properties.getProperty("door");
        String token = properties.getProperty("token");
        String pid = properties.getProperty("pid");
        if (door == null || token == null || pid == null || !pid.matches("[0-9]{1,18}")) {
            throw new IOException(note + " is not a note of ./manabi serve (door, token, pid); remove it");
        }
        return Optional.of(new RunningServe(note, URI.create(door), token, Long.parseLong(pid)));
    }

    /** What the note names, for messages: {@code ./manabi serve (process 1234)}. */
    String describe() {
        return "./manabi serve (process " + pid + ")";
    }

    /**
     * Asks the server for a backup and copies it to {@code out} as it comes.
     *
     * @throws GoneException if the process is gone or does not answer (the note is stale)
     * @throws IOException   if the server refuses, fails, or the stream breaks; the message says which
     */
    void backupTo(OutputStream out) throws GoneException, IOException, InterruptedException {
        if (ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true)) {
            throw new GoneException(note + " names " + describe() + ", which is no longer running", null);
        }
        HttpRequest request = HttpRequest.newBuilder(door.resolve("backup")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).build()) {
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (ConnectException | HttpConnectTimeoutException e) {
                throw new GoneException(note + " names " + describe() + " at " + door + ", which does not answer", e);
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(describe() + " refused the backup (HTTP " + response.statusCode() + "): "
                            + new String(body.readNBytes(2000), StandardCharsets.UTF_8));
                }
                body.transferTo(out);
            }
        }
    }
}
