package org.manabi.server.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;

import org.manabi.content.ContentRepository;
import org.manabi.model.Seminar;
import org.manabi.model.SeminarStatus;
import org.manabi.quiz.Paper;
import org.manabi.server.Catalogue;
import org.manabi.server.ServerSettings;
import org.manabi.server.Site;
import org.manabi.server.WebServer;
import org.manabi.store.Applicant;
import org.manabi.store.Database;
import org.manabi.store.Pool;
import org.manabi.store.Registration;
import org.manabi.store.Registrations;
import org.manabi.store.Requester;
import org.manabi.store.StoreException;
import org.manabi.store.ViewingId;
import org.manabi.store.ViewingIds;

/**
 * A running server over a copy of the real content (the DICOM beginners' quiz of 2027 with its
 * slide decks), a fresh H2 file, and a clock the test moves: 21 November 2026, noon in Tokyo, to
 * start with. {@code edits} replace text in {@code dicom-beginner.manabi} (another review setting).
 */
final class QuizSite implements AutoCloseable {

    static final String SEMINAR = "dicom-beginner-2027";
    static final String QUIZ = "dicom-beginner-2027-quiz";

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-21T03:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void set(Instant instant) {
            now = instant;
        }
    }

    final Path folder;
    /** Where the server caches slide thumbnails: the data folder's {@code thumbnails}, as {@code serve} sets it. */
    final Path thumbnails;
    final MovableClock clock = new MovableClock();
    final Database database;
    final Site site;
    final WebServer server;

    QuizSite(Map<String, String> edits) throws Exception {
        folder = Files.createTempDirectory("manabi-quiz-test");
        thumbnails = folder.resolve("thumbnails");
        Path real = Path.of(System.getProperty("manabi.repository"), "content");
        Path content = folder.resolve("content");
        try (Stream<Path> files = Files.walk(real)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = content.resolve(real.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (file.getFileName().toString().endsWith(".manabi") || file.toString().endsWith(".pdf")) {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path beginner = content.resolve("seminars/dicom-beginner.manabi");
        String text = Files.readString(beginner, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> edit : edits.entrySet()) {
            if (!text.contains(edit.getKey())) {
                throw new IllegalArgumentException("dicom-beginner.manabi has no " + edit.getKey());
            }
            text = text.replace(edit.getKey(), edit.getValue());
        }
        Files.writeString(beginner, text, StandardCharsets.UTF_8);
        Catalogue catalogue = Catalogue.of(ContentRepository.open(content));
        database = Database.openH2(folder.resolve("data"));
        site = new Site(catalogue, database, new Registrations(database, catalogue, clock), mail -> {
        }, ServerSettings.DEFAULT.withThumbnails(thumbnails), clock);
        server = WebServer.start("127.0.0.1", 0, site);
    }

    Paper quiz() {
        return site.catalogue().quiz(SEMINAR).orElseThrow();
    }

    Browser browser() {
        return new Browser(server.uri());
    }

    /** A confirmed web registration for the seminar, as the forms make it. */
    Registration register(String seminar, String name) throws StoreException {
        return site.registrations().register(seminar, Pool.WEB, new Applicant(name, "テスト", name + "@example.jp",
                "株式会社テスト", true, null, 5000, Map.of(), "ja")).registration();
    }

    /** Marks the quiz's seminar held, as the committee does in the workbench after the day: saved, and followed by the server. */
    void markHeld() throws IOException {
        Seminar seminar = site.catalogue().content().curricula().stream().flatMap(c -> c.getPlans().stream())
                .flatMap(plan -> plan.getSeminars().stream()).filter(s -> SEMINAR.equals(s.getId())).findFirst()
                .orElseThrow();
        seminar.setStatus(SeminarStatus.HELD);
        site.catalogue().content().save(seminar.eResource());
    }

    /** A viewing ID of the quiz's seminar asked for without registering, issued at once. */
    ViewingId requestViewingId(String name) throws StoreException {
        return new ViewingIds(database, clock).request(SEMINAR, new Requester(name, name + "@example.jp", "株式会社テスト",
                "en"), true, null);
    }

    @Override
    public void close() throws IOException {
        server.close();
        database.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }
}
