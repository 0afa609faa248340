package org.manabi.server.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.manabi.search.PageThumbnails;
import org.manabi.server.Site;
import org.manabi.server.VodLibrary;
import org.manabi.server.internal.QuizDesk.Kind;
import org.manabi.store.LiveQuestions;
import org.manabi.store.QuizAttempts;
import org.manabi.store.ViewingIds;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/** The quiz and survey servlets of the web server, on paths of their own. */
public final class Quizzes {

    private Quizzes() {
    }

    /**
     * Mounts the participants' pages ({@code /quiz/*}, {@code /survey/*}) and API
     * ({@code /api/quiz/*}, {@code /api/survey/*}), and the staff's results ({@code /staff/quizzes/*},
     * {@code /api/staff/quizzes/*}); viewing IDs of {@code library}'s seminars open the participants' pages too.
     */
    public static void mount(ServletContextHandler context, Site site, StaffGate staff, StaffDesk staffDesk,
            VodLibrary library) {
        QuizAttempts attempts = new QuizAttempts(site.database(), site.clock());
        ViewingIds viewingIds = new ViewingIds(site.database(), site.clock());
        QuizDesk desk = new QuizDesk(site.catalogue(), site.registrations(), viewingIds, library, attempts, site.clock());
        LiveRoom live = new LiveRoom(new LiveQuestions(site.database(), site.clock()));
        PageThumbnails thumbnails = new PageThumbnails(thumbnailFolder(context, site));
        context.addServlet(new ServletHolder(new QuizPages(desk, Kind.QUIZ, thumbnails, live)), "/quiz/*");
        context.addServlet(new ServletHolder(new QuizPages(desk, Kind.SURVEY, thumbnails, live)), "/survey/*");
        context.addServlet(new ServletHolder(new QuizApiServlet(desk, Kind.QUIZ)), "/api/quiz/*");
        context.addServlet(new ServletHolder(new QuizApiServlet(desk, Kind.SURVEY)), "/api/survey/*");
        StaffQuizServlet staffQuizzes = new StaffQuizServlet(staff, staffDesk, site.catalogue(), attempts,
                viewingIds, live);
        context.addServlet(new ServletHolder(staffQuizzes), "/staff/quizzes/*");
        context.addServlet(new ServletHolder(staffQuizzes), "/api/staff/quizzes/*");
    }

    /**
     * The settings' thumbnail folder, kept across restarts (each file is named after its deck's path,
     * size and time, so a changed deck is rendered anew); without one, a folder of this server's own in
     * the temporary folder, made by the first thumbnail and deleted when the server stops (a server
     * embedded in tests and tools would otherwise leave one behind per start, or per failed start).
     */
    private static Path thumbnailFolder(ServletContextHandler context, Site site) {
        if (site.settings().thumbnailFolder() != null) {
            return site.settings().thumbnailFolder();
        }
        // a random name nobody can guess and make first; PageThumbnails makes the folder when it renders
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "manabi-quiz-thumbnails-" + UUID.randomUUID());
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextDestroyed(ServletContextEvent event) {
                deleteQuietly(folder);
            }
        });
        return folder;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            // children before their folder
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // never made (nothing was rendered), or a temporary folder the system will clear
        }
    }
}
