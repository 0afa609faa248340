package org.manabi.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.manabi.quiz.Citation;
import org.manabi.quiz.Item;
import org.manabi.quiz.Paper;
import org.manabi.search.PageThumbnails;
import org.manabi.search.PdfUnreadableException;
import org.manabi.server.Catalogue;
import org.manabi.server.internal.QuizDesk.Kind;
import org.manabi.server.internal.QuizDesk.Taker;
import org.manabi.store.QuizAttempt;
import org.manabi.store.QuizAttempts.Saved;
import org.manabi.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The participant's quiz or survey pages, reached from the personal page {@code /r/<token>}; they
 * work without JavaScript: every question is a plain form field, "save" and "submit" are plain
 * POSTs (with the CSRF token), and each answers with a redirect (303) so a reload repeats nothing.
 * <pre>
 * GET  /quiz/&lt;token&gt;                     the quiz: attempts made, start or continue
 * POST /quiz/&lt;token&gt;/start               start (or continue) an attempt
 * GET  /quiz/&lt;token&gt;/&lt;n&gt;                 attempt n: the form while open, the review once allowed
 * POST /quiz/&lt;token&gt;/&lt;n&gt;                 action=save or action=submit
 * GET  /quiz/&lt;token&gt;/decks/&lt;deck&gt;.pdf      a deck the seminar's quiz cites (for the feedback links)
 * GET  /quiz/&lt;token&gt;/decks/&lt;deck&gt;/&lt;p&gt;.png  page p of it, as a thumbnail
 * </pre>
 * The same under {@code /survey/<token>} for the seminar's survey (no decks, no review).
 */
public final class QuizPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(QuizPages.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int THUMBNAIL_WIDTH = 480;

    private final transient QuizDesk desk;
    private final transient Kind kind;
    private final transient PageThumbnails thumbnails;
    private final transient LiveRoom live;
    private final transient Pages pages = new Pages();

    QuizPages(QuizDesk desk, Kind kind, PageThumbnails thumbnails, LiveRoom live) {
        this.desk = desk;
        this.kind = kind;
        this.thumbnails = thumbnails;
        this.live = live;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        String[] path = Http.path(request);
        try {
            Optional<Taker> taker = path.length == 0 ? Optional.empty() : desk.taker(path[0], kind);
            if (taker.isEmpty()) {
                notFound(request, response, texts);
            } else if (path.length == 1) {
                overview(request, response, texts, taker.get());
            } else if (path.length == 2 && number(path[1]) > 0) {
                Optional<QuizAttempt> attempt = desk.attempt(taker.get(), number(path[1]));
                if (attempt.isEmpty()) {
                    notFound(request, response, texts);
                } else {
                    attempt(request, response, texts, taker.get(), attempt.get());
                }
            } else if (kind == Kind.QUIZ && path.length == 2 && path[1].equals("live")) {
                live(request, response, texts, taker.get());
            } else if (kind == Kind.QUIZ && path.length >= 3 && path[1].equals("decks")) {
                deck(request, response, texts, taker.get(), path);
            } else {
                notFound(request, response, texts);
            }
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, e, "/");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        String[] path = Http.path(request);
        if (!pages.formAccepted(request, response, texts, "/")) {
            return;
        }
        try {
            Optional<Taker> taker = path.length == 0 ? Optional.empty() : desk.taker(path[0], kind);
            if (taker.isEmpty()) {
                notFound(request, response, texts);
                return;
            }
            String home = "/" + kind.path() + "/" + path[0];
            if (kind == Kind.QUIZ && path.length == 2 && path[1].equals("live")) {
                Optional<LiveRoom.Current> current = live.current(taker.get().paper());
                boolean taken = current.isPresent() && request.getParameter("question") != null
                        && request.getParameter("question").equals(String.valueOf(current.get().live().id()))
                        && live.questions().answer(current.get().live().id(), taker.get().participant(),
                                responses(request, taker.get().paper()).getOrDefault(current.get().item().id(), ""));
                redirect(response, home + "/live?done=" + (taken ? "answered" : "closed"));
                return;
            }
            if (path.length == 2 && path[1].equals("start")) {
                try {
                    QuizAttempt attempt = desk.start(taker.get()).attempt();
                    redirect(response, home + "/" + attempt.number());
                } catch (QuizDesk.Refused refused) {
                    pages.message(request, response, 409, texts, texts.get("quiz_cannot_start"),
                            texts.get(refused.key), home);
                }
                return;
            }
            Optional<QuizAttempt> attempt = path.length == 2 && number(path[1]) > 0
                    ? desk.attempt(taker.get(), number(path[1]))
                    : Optional.empty();
            if (attempt.isEmpty()) {
                notFound(request, response, texts);
                return;
            }
            String here = home + "/" + attempt.get().number();
            Map<String, String> responses = responses(request, taker.get().paper());
            if ("submit".equals(request.getParameter("action"))) {
                QuizDesk.Submitted submitted = desk.submit(taker.get(), attempt.get(), responses);
                redirect(response, here + (submitted.answersTooLate() ? "?done=toolate" : "?done=submitted"));
            } else {
                Saved saved = desk.save(taker.get(), attempt.get(), responses);
                redirect(response, here + "?done=" + saved.name().toLowerCase(java.util.Locale.ROOT));
            }
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, e, "/");
        }
    }

    /**
     * The responses in the form: {@code a.<item id>} for every question shown (listed in
     * {@code shown}); a question shown without a value was cleared (an unticked set of boxes sends
     * nothing), so it is saved empty.
     */
    static Map<String, String> responses(HttpServletRequest request, Paper paper) {
        Map<String, String> responses = new LinkedHashMap<>();
        String[] shown = request.getParameterValues("shown");
        if (shown == null) {
            return responses;
        }
        for (String itemId : shown) {
            Optional<Item> item = paper.item(itemId);
            if (item.isEmpty()) {
                continue;
            }
            String[] values = request.getParameterValues("a." + itemId);
            responses.put(itemId, values == null ? "" : String.join("\n", values));
        }
        return responses;
    }

    private void overview(HttpServletRequest request, HttpServletResponse response, Texts texts, Taker taker)
            throws IOException, StoreException {
        Paper paper = taker.paper();
        List<QuizAttempt> made = desk.attemptsOf(taker);
        String home = "/" + kind.path() + "/" + taker.key();
        Map<String, Object> model = new HashMap<>();
        model.put("home", home);
        model.put("title", paper.title());
        model.put("seminar", taker.offer().title());
        model.put("back", taker.back());
        model.put("csrf", Csrf.token(request, response));
        model.put("liveLink", paper.graded());
        if (paper.graded()) {
            model.put("attemptsText", paper.attempts() == 0 ? texts.format("quiz_attempts_unlimited", made.size())
                    : texts.format("quiz_attempts_used", made.size(), paper.attempts()));
            model.put("limitText", paper.timeLimit() == null ? texts.get("quiz_no_time_limit")
                    : texts.format("quiz_time_limit", paper.timeLimit().toMinutes()));
            model.put("passText", texts.format("quiz_pass", paper.passPercent()));
            model.put("questionsText", texts.format("quiz_questions", paper.items().size(), paper.maxPoints()));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (QuizAttempt attempt : made) {
            Map<String, Object> row = new HashMap<>();
            row.put("href", home + "/" + attempt.number());
            row.put("label", texts.format("quiz_attempt_n", attempt.number()));
            row.put("state", attempt.submitted() ? texts.get("quiz_state_submitted") : texts.get("quiz_state_open"));
            if (desk.reviewOpen(taker, attempt) && paper.review().showScore()) {
                row.put("score", scoreText(texts, paper, attempt));
            }
            rows.add(row);
        }
        model.put("attempts", rows);
        model.put("hasAttempts", !rows.isEmpty());
        boolean open = made.stream().anyMatch(a -> !a.submitted());
        if (desk.canStart(taker, made)) {
            model.put("start", open ? texts.get("quiz_continue") : texts.get("quiz_start"));
        } else if (desk.closed(taker)) {
            model.put("notice", texts.get("quiz_closed"));
        } else if (desk.notYetOpen(taker)) {
            model.put("notice", texts.format("quiz_not_open_yet_on",
                    TIME.format(taker.opens().atZone(Catalogue.ZONE))));
        } else if (!paper.graded() && !made.isEmpty()) {
            model.put("notice", texts.get("survey_thanks"));
        } else {
            model.put("notice", texts.get("quiz_no_attempts_left"));
        }
        pages.render(request, response, 200, "quiz", texts, paper.title(), model);
    }

    private void attempt(HttpServletRequest request, HttpServletResponse response, Texts texts, Taker taker,
            QuizAttempt attempt) throws IOException, StoreException {
        Paper paper = taker.paper();
        boolean reviewOpen = desk.reviewOpen(taker, attempt);
        String token = taker.key();
        Map<String, Object> model = new HashMap<>(QuizViews.attempt(paper, attempt,
                desk.attempts().answers(attempt.id()), reviewOpen, token));
        String home = "/" + kind.path() + "/" + token;
        model.put("home", home);
        model.put("action", home + "/" + attempt.number());
        model.put("title", paper.title());
        model.put("heading", paper.graded() ? texts.format("quiz_attempt_n", attempt.number()) : paper.title());
        model.put("csrf", Csrf.token(request, response));
        model.put("open", !attempt.submitted());
        model.put("graded", paper.graded());
        if (attempt.deadline() != null && !attempt.submitted()) {
            model.put("deadlineText", texts.format("quiz_deadline",
                    TIME.format(attempt.deadline().atZone(Catalogue.ZONE))));
        }
        if (attempt.late()) {
            model.put("lateText", texts.format("quiz_late", TIME.format(attempt.deadline().atZone(Catalogue.ZONE))));
        }
        if (attempt.submitted() && paper.graded() && !reviewOpen) {
            model.put("reviewText", texts.get(paper.review().when() == org.manabi.quiz.Review.When.NEVER
                    ? "quiz_review_never" : "quiz_review_later"));
        }
        if (reviewOpen && paper.review().showScore()) {
            model.put("scoreText", scoreText(texts, paper, attempt));
            Double percent = attempt.percent();
            model.put("passedText", percent != null && percent >= paper.passPercent() ? texts.get("quiz_passed")
                    : texts.get("quiz_failed"));
        }
        String done = request.getParameter("done");
        if (done != null && List.of("saved", "too_late", "submitted", "toolate").contains(done)) {
            model.put("notice", texts.get("quiz_notice_" + done.replace("_", "")));
        }
        pages.render(request, response, 200, "attempt", texts, paper.title(), model);
    }

    /** The live question of the room; the page refreshes itself while there is nothing to answer. */
    private void live(HttpServletRequest request, HttpServletResponse response, Texts texts, Taker taker)
            throws IOException, StoreException {
        Map<String, Object> model = new HashMap<>();
        String home = "/quiz/" + taker.key();
        model.put("home", home);
        model.put("action", home + "/live");
        model.put("csrf", Csrf.token(request, response));
        Optional<LiveRoom.Current> current = live.current(taker.paper());
        if (current.isEmpty()) {
            model.put("notice", texts.get("live_waiting"));
            model.put("refresh", 5);
        } else {
            Map<String, Object> question = live.view(current.get(), false);
            Optional<String> mine = live.questions().answerOf(current.get().live().id(), taker.participant());
            List<String> picked = org.manabi.quiz.Grading.picked(mine.orElse(null));
            for (Object choice : (List<?>) question.get("choices")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> shown = (Map<String, Object>) choice;
                shown.put("picked", picked.contains(shown.get("id")));
            }
            question.put("response", mine.orElse(""));
            question.put("open", !current.get().live().revealed());
            model.put("live", question);
            if (mine.isPresent() || current.get().live().revealed()) {
                // answered or revealed: follow the room without a click (no script needed)
                model.put("refresh", 5);
                model.put("notice", texts.get(current.get().live().revealed() ? "live_revealed" : "live_answered"));
            }
        }
        pages.render(request, response, 200, "live", texts, texts.get("live_title"), model);
    }

    private static String scoreText(Texts texts, Paper paper, QuizAttempt attempt) {
        Double percent = attempt.percent();
        return texts.format("quiz_score", points(attempt.points()), attempt.maxPoints(),
                percent == null ? "-" : String.format(java.util.Locale.ROOT, "%.0f", percent));
    }

    private static String points(Double points) {
        if (points == null) {
            return "-";
        }
        return points == Math.rint(points) ? String.valueOf(points.longValue())
                : String.format(java.util.Locale.ROOT, "%.2f", points);
    }

    /** A deck cited by the seminar's quiz: the PDF, or a page of it as PNG. Others are not served. */
    private void deck(HttpServletRequest request, HttpServletResponse response, Texts texts, Taker taker,
            String[] path) throws IOException {
        String name = path[2];
        boolean pdf = path.length == 3 && name.endsWith(".pdf");
        String deckId = pdf ? name.substring(0, name.length() - 4) : name;
        Optional<Citation> cited = taker.paper().items().stream().flatMap(item -> item.citations().stream())
                .filter(c -> deckId.equals(c.deckId()) && c.pdf() != null && Files.isRegularFile(c.pdf()))
                .findFirst();
        if (cited.isEmpty()) {
            notFound(request, response, texts);
            return;
        }
        Path file;
        String type;
        if (pdf) {
            file = cited.get().pdf();
            type = "application/pdf";
        } else if (path.length == 4 && path[3].endsWith(".png") && number(path[3].replace(".png", "")) > 0) {
            try {
                file = thumbnails.thumbnail(cited.get().pdf(), number(path[3].replace(".png", "")), THUMBNAIL_WIDTH);
            } catch (PdfUnreadableException e) {
                LOG.warn("No thumbnail: {}", e.getMessage());
                notFound(request, response, texts);
                return;
            }
            type = "image/png";
        } else {
            notFound(request, response, texts);
            return;
        }
        response.setContentType(type);
        response.setHeader("Cache-Control", "private, max-age=3600");
        response.setContentLengthLong(Files.size(file));
        Files.copy(file, response.getOutputStream());
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, Texts texts) throws IOException {
        pages.message(request, response, 404, texts, texts.get("quiz_not_found_heading"),
                texts.get("quiz_not_found_text"), "/");
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setStatus(303);
        response.setHeader("Location", location);
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
