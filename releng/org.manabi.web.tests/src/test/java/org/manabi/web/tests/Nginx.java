package org.manabi.web.tests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's nginx (Debian package {@code nginx}, {@code .ci/run} installs it) in front of
 * {@code ./manabi serve} nodes on loopback, started in the foreground with a configuration and prefix
 * of its own under a temporary folder, so that it needs no root and touches nothing of the system's.
 * The proxying itself is the repository's {@code releng/deploy/nginx/manabi-proxy.conf}, the very file
 * a deployment includes.
 */
final class Nginx implements AutoCloseable {

    static final Path PROXY_SNIPPET = ServeProcess.REPOSITORY.resolve("releng/deploy/nginx/manabi-proxy.conf");

    private final Process process;
    private final Path prefix;
    private final URI site;

    private Nginx(Process process, Path prefix, URI site) {
        this.process = process;
        this.prefix = prefix;
        this.site = site;
    }

    /** Starts nginx on a free loopback port, balancing over {@code nodes}; returns once it accepts connections. */
    static Nginx start(Path prefix, List<URI> nodes) throws IOException, InterruptedException {
        Path binary = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx")).stream().filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new AssertionError(
                        "nginx is not installed: apt-get install nginx (.ci/run installs it)"));
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("temp"));
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        StringBuilder upstream = new StringBuilder();
        for (URI node : nodes) {
            upstream.append("        server ").append(node.getHost()).append(':').append(node.getPort()).append(";\n");
        }
        String temp = prefix.resolve("temp").toString();
        String config = """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log info;
                events { worker_connections 256; }
                http {
                    access_log %1$s/logs/access.log;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    upstream manabi {
                %3$s    }
                    server {
                        listen 127.0.0.1:%4$d;
                        server_name localhost;
                        location = /metrics { return 404; }
                        location / {
                            include %5$s;
                        }
                    }
                }
                """.formatted(prefix, temp, upstream, port, PROXY_SNIPPET);
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-c", file.toString(), "-e",
                prefix.resolve("logs/error.log").toString()).redirectErrorStream(true)
                .redirectOutput(prefix.resolve("logs/stdout.txt").toFile()).start();
        Nginx nginx = new Nginx(process, prefix, URI.create("http://127.0.0.1:" + port + "/"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited with " + process.exitValue() + "\n" + nginx.diagnostics());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return nginx;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        nginx.close();
        throw new AssertionError("nginx did not listen on port " + port + " within 20 s\n" + nginx.diagnostics());
    }

    /** The public side, {@code http://127.0.0.1:PORT/}. */
    URI site() {
        return site;
    }

    /** nginx's error log and output, for failure messages. */
    String diagnostics() {
        StringBuilder text = new StringBuilder("--- nginx ---\n");
        for (String log : List.of("logs/error.log", "logs/stdout.txt")) {
            try {
                text.append(Files.readString(prefix.resolve(log), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.append("(no ").append(log).append(")\n");
            }
        }
        return text.toString();
    }

    /** SIGTERM: nginx's fast shutdown. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
