package org.manabi.web.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ./manabi serve} process on a free port, as an operator starts it. The first line of its
 * stdout says where it answers; its stderr goes to a file whose tail every failure message carries.
 * {@code ./manabi} execs the JVM, so the {@link Process} is the server itself and {@link #kill()} is
 * a real SIGKILL of it, not of a wrapper shell.
 */
final class ServeProcess implements AutoCloseable {

    static final Path REPOSITORY = Path.of(System.getProperty("manabi.repository", "../..")).toAbsolutePath().normalize();

    private static final Pattern LISTENING = Pattern.compile("(http://[^ ]+/)");
    /** A cold start takes a few seconds; a machine busy with another build may take much longer. */
    private static final long START_SECONDS = 90;

    private final Process process;
    private final Path stderr;
    private final URI site;
    private final String name;

    private ServeProcess(String name, Process process, Path stderr, URI site) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        this.site = site;
    }

    /**
     * Starts {@code ./manabi serve --port 0 --content content --data data ARGS…} and returns once it
     * answers. {@code name} tells the nodes of one test apart in messages and file names.
     */
    static ServeProcess start(String name, Path content, Path data, String... arguments) throws IOException, InterruptedException {
        return start(name, content, data, null, List.of(arguments));
    }

    /**
     * As {@link #start}, with {@code --init-admin ADMIN}: the server reads {@code password} from its stdin,
     * as from an operator's pipe, and serves with that committee admin.
     */
    static ServeProcess startWithAdmin(String name, Path content, Path data, String admin, String password)
            throws IOException, InterruptedException {
        return start(name, content, data, password, List.of("--init-admin", admin));
    }

    private static ServeProcess start(String name, Path content, Path data, String input, List<String> arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(REPOSITORY.resolve("manabi").toString(), "serve",
                "--port", "0", "--content", content.toString(), "--data", data.toString()));
        command.addAll(arguments);
        Files.createDirectories(data);
        // appended, so that a restart on the same data keeps the earlier run's log for the diagnostics
        Path stderr = data.resolveSibling(data.getFileName() + "-" + name + "-stderr.txt");
        Process process = new ProcessBuilder(command).directory(REPOSITORY.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start();
        if (input != null) {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write((input + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        CompletableFuture<String> first = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(process, first), "manabi-serve-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
        String line;
        try {
            line = first.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            throw new AssertionError("./manabi serve (" + name + ") did not say where it listens within " + START_SECONDS
                    + " s\n" + tail(stderr), e);
        }
        Matcher matcher = line == null ? null : LISTENING.matcher(line);
        if (matcher == null || !matcher.find()) {
            process.destroyForcibly();
            throw new AssertionError("./manabi serve (" + name + ") began with " + line + " instead of its address\n"
                    + tail(stderr));
        }
        return new ServeProcess(name, process, stderr, URI.create(matcher.group(1)));
    }

    /** Hands the first line to {@code first}, then keeps reading so that a full pipe never blocks the server. */
    private static void drain(Process process, CompletableFuture<String> first) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            first.complete(out.readLine());
            while (out.readLine() != null) {
                // the rest of stdout is not part of the contract
            }
        } catch (IOException e) {
            first.completeExceptionally(e);
        }
    }

    /** The site root, {@code http://127.0.0.1:PORT/}. */
    URI site() {
        return site;
    }

    URI resolve(String path) {
        return site.resolve(path);
    }

    /** SIGKILL: no shutdown hook, no closing of the database, no flushing of anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("./manabi serve (" + name + ") survived SIGKILL for 30 s");
        }
    }

    /** SIGTERM, as an operator stops it; the server closes its database on the way out. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Everything this node wrote to stderr so far: its log. */
    String log() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** The end of this node's stderr, for failure messages. */
    String diagnostics() {
        return "--- stderr of ./manabi serve (" + name + ", " + (process.isAlive() ? "running" : "exited "
                + process.exitValue()) + ") ---\n" + tail(stderr);
    }

    /** {@code failure} with the stderr tails of {@code nodes} appended, so that a red build says what the server saw. */
    static AssertionError explained(Throwable failure, ServeProcess... nodes) {
        StringBuilder message = new StringBuilder(failure.getMessage() != null ? failure.getMessage() : failure.toString());
        for (ServeProcess node : nodes) {
            if (node != null) {
                message.append('\n').append(node.diagnostics());
            }
        }
        return new AssertionError(message.toString(), failure);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
