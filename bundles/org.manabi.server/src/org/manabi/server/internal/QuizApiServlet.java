package org.manabi.server.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.manabi.quiz.Paper;
import org.manabi.server.internal.QuizDesk.Kind;
import org.manabi.server.internal.QuizDesk.Taker;
import org.manabi.store.QuizAttempt;
import org.manabi.store.QuizAttempts.Saved;
import org.manabi.store.SavedAnswer;
import org.manabi.store.StoreException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The participant's quiz and survey API (docs/API.md), under {@code /api/quiz/<token>} and
 * {@code /api/survey/<token>}. The personal token of the registration, or a VOD viewing ID, is the
 * credential: an attempt is addressed by it and its number, so one participant's token never reaches
 * another's attempt. Questions come without keys; the review comes only when and as the quiz allows
 * ({@link QuizViews}).
 */
public final class QuizApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient QuizDesk desk;
    private final transient Kind kind;

    QuizApiServlet(QuizDesk desk, Kind kind) {
        this.desk = desk;
        this.kind = kind;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = Http.path(request);
        try {
            Optional<Taker> taker = taker(path, response);
            if (taker.isEmpty()) {
                return;
            }
            if (path.length == 1) {
                Json.write(response, 200, overview(taker.get()));
            } else if (path.length == 3 && path[1].equals("attempts")) {
                Optional<QuizAttempt> attempt = attempt(taker.get(), path[2], response);
                if (attempt.isPresent()) {
                    Json.write(response, 200, view(taker.get(), attempt.get()));
                }
            } else {
                Json.error(response, 404, "No such API resource: " + request.getRequestURI(), null);
            }
        } catch (StoreException e) {
            Json.unavailable(response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = Http.path(request);
        if (!Json.typed(request, response)) {
            return;
        }
        byte[] body = Http.body(request);
        if (body == null) {
            Json.error(response, 413, "The body is larger than 64 KiB", null);
            return;
        }
        try {
            Optional<Taker> taker = taker(path, response);
            if (taker.isEmpty()) {
                return;
            }
            if (path.length == 2 && path[1].equals("attempts")) {
                try {
                    QuizDesk.Started started = desk.start(taker.get());
                    located(request, response, taker.get(), started.attempt(), started.created());
                    Json.write(response, started.created() ? 201 : 200,
                            view(taker.get(), started.attempt(), started.answers()));
                } catch (QuizDesk.Refused refused) {
                    Json.error(response, 409, Texts.of("en").get(refused.key), null);
                }
                return;
            }
            if (path.length != 4 || !path[1].equals("attempts")
                    || !(path[3].equals("answers") || path[3].equals("submit"))) {
                Json.error(response, 404, "No such API resource: " + request.getRequestURI(), null);
                return;
            }
            Map<String, String> answers;
            try {
                answers = answers(body);
            } catch (IllegalArgumentException e) {
                Json.error(response, 400, e.getMessage(), "answers");
                return;
            }
            if (path[3].equals("submit")) {
                // the attempt is found, locked, graded and stored in one transaction, and its review built
                // from what that transaction wrote
                int number = number(path[2]);
                Optional<QuizDesk.Submitted> submitted = number > 0 ? desk.submit(taker.get(), number, answers)
                        : Optional.empty();
                if (submitted.isEmpty()) {
                    Json.error(response, 404, "You have no attempt " + path[2], null);
                    return;
                }
                Map<String, Object> view = view(taker.get(), submitted.get().attempt(), submitted.get().answers());
                view.put("answersTooLate", submitted.get().answersTooLate());
                located(request, response, taker.get(), submitted.get().attempt(), false);
                Json.write(response, 200, view);
                return;
            }
            Optional<QuizAttempt> attempt = attempt(taker.get(), path[2], response);
            if (attempt.isEmpty()) {
                return;
            }
            Saved saved = desk.save(taker.get(), attempt.get(), answers);
            switch (saved) {
                case SAVED -> Json.write(response, 200, Map.of("saved", true));
                case TOO_LATE -> Json.error(response, 409,
                        "The time limit has passed; nothing was saved. The answers saved before it count", null);
                case SUBMITTED -> Json.error(response, 409, "The attempt is submitted; nothing was saved", null);
            }
        } catch (StoreException e) {
            Json.unavailable(response, e);
        }
    }

    private Optional<Taker> taker(String[] path, HttpServletResponse response) throws IOException, StoreException {
        Optional<Taker> taker = path.length == 0 ? Optional.empty() : desk.taker(path[0], kind);
        if (taker.isEmpty()) {
            Json.error(response, 404, "No confirmed registration or viewing ID with a " + kind.path()
                    + " has this token", null);
        }
        return taker;
    }

    /**
     * Says which attempt a POST answered with: {@code Content-Location} (the body is that attempt's
     * representation) and, for a new attempt, {@code Location}. The address holds the token (or viewing
     * ID) the request itself came with, nothing more.
     */
    private static void located(HttpServletRequest request, HttpServletResponse response, Taker taker,
            QuizAttempt attempt, boolean created) {
        String address = request.getContextPath() + request.getServletPath() + "/" + taker.key() + "/attempts/"
                + attempt.number();
        response.setHeader("Content-Location", address);
        if (created) {
            response.setHeader("Location", address);
        }
    }

    /** The attempt number in a path, or -1 when it is not a number (then there is no such attempt). */
    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Optional<QuizAttempt> attempt(Taker taker, String number, HttpServletResponse response)
            throws IOException, StoreException {
        Optional<QuizAttempt> attempt = number(number) > 0 ? desk.attempt(taker, number(number)) : Optional.empty();
        if (attempt.isEmpty()) {
            Json.error(response, 404, "You have no attempt " + number, null);
        }
        return attempt;
    }

    private Map<String, Object> overview(Taker taker) throws StoreException {
        Paper paper = taker.paper();
        List<QuizAttempt> made = desk.attemptsOf(taker);
        Map<String, Object> overview = new LinkedHashMap<>();
        overview.put("id", paper.id());
        overview.put("seminar", taker.offer().id());
        overview.put("title", paper.title());
        if (paper.graded()) {
            overview.put("attemptsAllowed", paper.attempts());
            overview.put("timeLimitMinutes", paper.timeLimit() == null ? null : paper.timeLimit().toMinutes());
            overview.put("passPercent", paper.passPercent());
            overview.put("maxPoints", paper.maxPoints());
        }
        overview.put("questions", paper.items().size());
        overview.put("opens", Json.time(taker.opens()));
        overview.put("closes", Json.time(taker.closes()));
        overview.put("canStart", desk.canStart(taker, made));
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (QuizAttempt attempt : made) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", attempt.number());
            row.put("state", attempt.submitted() ? "submitted" : "open");
            row.put("deadline", Json.time(attempt.deadline()));
            row.put("submittedAt", Json.time(attempt.submittedAt()));
            row.put("late", attempt.late());
            if (desk.reviewOpen(taker, attempt) && paper.review().showScore()) {
                row.put("score", QuizViews.score(paper, attempt));
            }
            attempts.add(row);
        }
        overview.put("attempts", attempts);
        return overview;
    }

    private Map<String, Object> view(Taker taker, QuizAttempt attempt) throws StoreException {
        return view(taker, attempt, desk.attempts().answers(attempt.id()));
    }

    private Map<String, Object> view(Taker taker, QuizAttempt attempt, Map<String, SavedAnswer> answers) {
        Map<String, Object> view = QuizViews.attempt(taker.paper(), attempt, answers, desk.reviewOpen(taker, attempt),
                taker.key());
        // the template's helpers are not part of the API
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> questions = (List<Map<String, Object>>) view.get("questions");
        for (Map<String, Object> question : questions) {
            question.keySet().removeIf(key -> key.startsWith("kind_") || key.equals("qid") || key.startsWith("picked"));
            Object review = question.get("review");
            if (review instanceof Map<?, ?> shown) {
                shown.remove("rightAnswerText");
            }
        }
        return view;
    }

    /** {@code {"answers": {"<item id>": "text" | ["choice id", …] | true | 3}}}; an absent object is no answers. */
    private static Map<String, String> answers(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("The body cannot be read");
        }
        Map<String, String> answers = new LinkedHashMap<>();
        if (root == null || root.isNull() || root.isEmpty()) {
            return answers;
        }
        if (!root.isObject() || !root.path("answers").isObject()) {
            throw new IllegalArgumentException("Send {\"answers\": {\"<question id>\": <answer>, …}}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.get("answers").fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<String> ids = new ArrayList<>();
                value.forEach(id -> ids.add(id.asText()));
                answers.put(field.getKey(), String.join("\n", ids));
            } else if (value.isValueNode()) {
                answers.put(field.getKey(), value.isNull() ? "" : value.asText());
            } else {
                throw new IllegalArgumentException("The answer to " + field.getKey()
                        + " must be a text, a number, true/false or a list of choice ids");
            }
        }
        return answers;
    }
}
