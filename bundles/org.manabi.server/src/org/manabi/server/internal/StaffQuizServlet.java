package org.manabi.server.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.manabi.quiz.Choice;
import org.manabi.quiz.Citation;
import org.manabi.quiz.Item;
import org.manabi.quiz.ItemAnalysis.ItemStatistic;
import org.manabi.quiz.ItemAnalysis.WeakSlide;
import org.manabi.quiz.Paper;
import org.manabi.server.Catalogue;
import org.manabi.server.QuizResults;
import org.manabi.server.QuizResults.Person;
import org.manabi.server.QuizResults.SurveyQuestion;
import org.manabi.server.internal.StaffDesk.Refusal;
import org.manabi.server.internal.StaffDesk.Registrants;
import org.manabi.store.QuizAttempt;
import org.manabi.store.QuizAttempts;
import org.manabi.store.StaffMember;
import org.manabi.store.StoreException;
import org.manabi.store.ViewingIds;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Quiz results, item statistics and survey answers of a seminar, for staff in its scope. The same
 * servlet answers the staff pages and the staff API:
 * <pre>
 * GET /staff/quizzes/&lt;seminar&gt;               results, item analysis, weakest slides, survey (HTML)
 * GET /staff/quizzes/&lt;seminar&gt;/results.csv   each person's attempts (UTF-8 with BOM)
 * GET /staff/quizzes/&lt;seminar&gt;/survey.csv    the survey's answers (UTF-8 with BOM)
 * GET /api/staff/quizzes/&lt;seminar&gt;/results   JSON
 * GET /api/staff/quizzes/&lt;seminar&gt;/items     JSON, no personal data
 * GET /api/staff/quizzes/&lt;seminar&gt;/survey    JSON
 * </pre>
 * The results list registrants and VOD viewers who hold a viewing ID without registering (they take
 * the quiz as themselves); a viewer is named by the name on the ID, and shown with the ID's masked form,
 * never with the key itself. Reading results or survey answers (personal data) writes an audit row
 * first (through {@link StaffDesk#registrants}), one for everyone listed; the item statistics are
 * figures about questions, not people.
 */
public final class StaffQuizServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient StaffGate gate;
    private final transient StaffDesk desk;
    private final transient Catalogue catalogue;
    private final transient QuizAttempts attempts;
    private final transient ViewingIds viewingIds;
    private final transient LiveRoom live;
    private final transient Pages pages = new Pages();

    StaffQuizServlet(StaffGate gate, StaffDesk desk, Catalogue catalogue, QuizAttempts attempts,
            ViewingIds viewingIds, LiveRoom live) {
        this.gate = gate;
        this.desk = desk;
        this.catalogue = catalogue;
        this.attempts = attempts;
        this.viewingIds = viewingIds;
        this.live = live;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean api = request.getServletPath().startsWith("/api/");
        Texts texts = api ? Texts.of("en") : Pages.texts(request, response);
        String[] path = Http.path(request);
        try {
            Optional<StaffMember> member = gate.member(request);
            if (member.isEmpty()) {
                if (api) {
                    Json.error(response, 401, "Log in as staff first (POST /staff/login); the session cookie authenticates",
                            null);
                } else {
                    response.setStatus(303);
                    response.setHeader("Location", "/staff/login?next="
                            + URLEncoder.encode(request.getRequestURI(), StandardCharsets.UTF_8));
                }
                return;
            }
            StaffMember staff = member.get();
            if (path.length == 0 || path.length > 2) {
                notFound(request, response, texts, api);
                return;
            }
            String seminarId = path[0];
            String view = path.length == 2 ? path[1] : api ? "" : "page";
            if (!staff.mayRead(seminarId)) {
                refuse(request, response, texts, api, Refusal.FORBIDDEN);
                return;
            }
            Optional<Paper> quiz = catalogue.quiz(seminarId);
            Optional<Paper> survey = catalogue.survey(seminarId);
            switch (view) {
                case "items" -> {
                    if (api && quiz.isPresent()) {
                        Json.write(response, 200, items(QuizResults.of(quiz.get(), List.of(), List.of(), attempts)));
                    } else {
                        notFound(request, response, texts, api);
                    }
                }
                case "results", "results.csv" -> {
                    Registrants registrants = desk.registrants(request, staff, seminarId,
                            api ? "read quiz results" : "export quiz results");
                    if (quiz.isEmpty() || registrants.refusal() != null || api == view.endsWith(".csv")) {
                        refuse(request, response, texts, api, registrants.refusal() == null ? Refusal.NOT_FOUND
                                : registrants.refusal());
                    } else if (api) {
                        Json.write(response, 200, results(results(quiz.get(), registrants)));
                    } else {
                        resultsCsv(response, texts, seminarId, results(quiz.get(), registrants));
                    }
                }
                case "survey", "survey.csv" -> {
                    if (survey.isEmpty() || api == view.endsWith(".csv")) {
                        notFound(request, response, texts, api);
                        return;
                    }
                    gate.audit(request, staff, api ? "read survey answers" : "export survey answers", seminarId);
                    List<SurveyQuestion> questions = QuizResults.survey(survey.get(), attempts);
                    if (api) {
                        Json.write(response, 200, surveyJson(survey.get(), questions));
                    } else {
                        surveyCsv(response, seminarId, questions);
                    }
                }
                case "page" -> page(request, response, texts, staff, seminarId, quiz, survey);
                case "live" -> {
                    if (quiz.isEmpty()) {
                        notFound(request, response, texts, api);
                    } else if (api) {
                        Optional<LiveRoom.Current> current = live.current(quiz.get());
                        Json.write(response, 200, current.isEmpty() ? Map.of() : live.view(current.get(), true));
                    } else {
                        livePage(request, response, texts, staff, seminarId, quiz.get());
                    }
                }
                default -> notFound(request, response, texts, api);
            }
        } catch (StoreException e) {
            if (api) {
                Json.unavailable(response, e);
            } else {
                pages.unavailable(request, response, texts, e, "/staff");
            }
        }
    }

    /** Opening a question to the room, revealing its answer: {@code POST /staff/quizzes/<seminar>/live}. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        String[] path = Http.path(request);
        try {
            Optional<StaffMember> member = gate.member(request);
            if (member.isEmpty()) {
                pages.message(request, response, 401, texts, texts.get("staff_login_title"),
                        texts.get("staff_session_needed"), "/staff/login");
                return;
            }
            if (request.getServletPath().startsWith("/api/") || !pages.formAccepted(request, response, texts, "/staff")) {
                if (request.getServletPath().startsWith("/api/")) {
                    Json.error(response, 405, "Open and reveal live questions on the staff pages", null);
                }
                return;
            }
            if (path.length != 2 || !path[1].equals("live") || catalogue.quiz(path[0]).isEmpty()) {
                notFound(request, response, texts, false);
                return;
            }
            if (!member.get().mayRead(path[0])) {
                refuse(request, response, texts, false, Refusal.FORBIDDEN);
                return;
            }
            Paper quiz = catalogue.quiz(path[0]).get();
            String item = request.getParameter("item");
            if ("open".equals(request.getParameter("action")) && item != null && quiz.item(item).isPresent()) {
                live.questions().open(path[0], item, member.get().email());
            } else if ("reveal".equals(request.getParameter("action"))) {
                Optional<LiveRoom.Current> current = live.current(quiz);
                if (current.isPresent()) {
                    live.questions().reveal(current.get().live().id());
                }
            }
            response.setStatus(303);
            response.setHeader("Location", "/staff/quizzes/" + path[0] + "/live");
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, e, "/staff");
        }
    }

    private void livePage(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember staff,
            String seminarId, Paper quiz) throws IOException, StoreException {
        Map<String, Object> model = new HashMap<>();
        model.put("seminarId", seminarId);
        model.put("title", quiz.title());
        Optional<LiveRoom.Current> current = live.current(quiz);
        current.ifPresent(c -> model.put("liveId", c.item().id()));
        if (current.isPresent()) {
            Map<String, Object> view = live.view(current.get(), true);
            int total = (Integer) view.get("answers");
            List<Map<String, Object>> bars = new ArrayList<>();
            for (Object count : (List<?>) view.get("counts")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> shown = new HashMap<>((Map<String, Object>) count);
                shown.put("percent", total == 0 ? "0%" : percent((Integer) shown.get("count") / (double) total));
                shown.put("total", total);
                bars.add(shown);
            }
            view.put("bars", bars);
            if (view.get("revealed") == Boolean.TRUE) {
                view.put("rightText", String.join(" / ", current.get().item().choices().stream()
                        .filter(Choice::correct).map(Choice::text).toList()));
            }
            model.put("current", view);
            // the distribution grows while the page is open: a refresh, no script
            model.put("refresh", 3);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        int number = 0;
        for (Item item : quiz.items()) {
            items.add(Map.of("number", ++number, "id", item.id(), "text", item.text()));
        }
        model.put("items", items);
        model.put("csrf", Csrf.token(request, response));
        model.put("staff", Map.of("email", staff.email(), "admin", staff.admin(), "csrf", Csrf.token(request, response)));
        pages.render(request, response, 200, "staff_live", texts, texts.get("live_title"), model);
    }

    private void page(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember staff,
            String seminarId, Optional<Paper> quiz, Optional<Paper> survey) throws IOException, StoreException {
        Registrants registrants = desk.registrants(request, staff, seminarId, "read quiz results");
        if (registrants.refusal() != null || quiz.isEmpty() && survey.isEmpty()) {
            refuse(request, response, texts, false, registrants.refusal() == null ? Refusal.NOT_FOUND
                    : registrants.refusal());
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("seminarId", seminarId);
        model.put("title", StaffDesk.title(registrants.seminar(), texts));
        quiz.ifPresent(paper -> model.put("quizTitle", paper.title()));
        if (quiz.isPresent()) {
            QuizResults results = results(quiz.get(), registrants);
            model.put("summary", texts.format("staff_quiz_summary", results.takers(), results.passed(),
                    percent(results.passRate())));
            List<Map<String, Object>> people = new ArrayList<>();
            for (Person person : results.people()) {
                if (person.attempts().isEmpty()) {
                    continue;
                }
                Map<String, Object> row = new HashMap<>();
                row.put("name", person.name());
                row.put("organization", person.organization());
                row.put("viewingId", person.viewer() == null ? null : person.viewer().masked());
                row.put("attempts", person.attempts().stream().map(a -> attemptText(a, texts)).toList());
                row.put("best", person.best() == null ? "" : percent(person.best() / 100));
                row.put("passed", person.best() != null && person.best() >= quiz.get().passPercent());
                people.add(row);
            }
            model.put("people", people);
            List<Map<String, Object>> items = new ArrayList<>();
            int number = 0;
            for (ItemStatistic statistic : results.items()) {
                Map<String, Object> row = new HashMap<>();
                row.put("number", ++number);
                row.put("text", statistic.item().text());
                row.put("attempts", statistic.attempts());
                row.put("facility", statistic.attempts() == 0 ? "" : percent(statistic.facility()));
                row.put("discrimination", statistic.discrimination() == null ? "—"
                        : String.format(Locale.ROOT, "%.2f", statistic.discrimination()));
                List<Map<String, Object>> picks = new ArrayList<>();
                for (Choice choice : statistic.item().choices()) {
                    picks.add(Map.of("text", choice.text(), "correct", choice.correct(), "count",
                            statistic.picks().getOrDefault(choice.id(), 0)));
                }
                row.put("picks", picks);
                items.add(row);
            }
            model.put("items", items);
            List<Map<String, Object>> slides = new ArrayList<>();
            for (WeakSlide slide : results.weakSlides()) {
                Citation citation = slide.citation();
                slides.add(Map.of("deck", citation.deckTitle() == null ? citation.deckId() : citation.deckTitle(),
                        "page", citation.page(), "facility", percent(slide.facility()), "questions",
                        String.join(" / ", slide.questions().stream().map(s -> s.item().text()).toList())));
            }
            model.put("slides", slides);
        }
        if (survey.isPresent()) {
            gate.audit(request, staff, "read survey answers", seminarId);
            List<Map<String, Object>> questions = new ArrayList<>();
            for (SurveyQuestion question : QuizResults.survey(survey.get(), attempts)) {
                Map<String, Object> row = new HashMap<>();
                row.put("text", question.item().text());
                List<Map<String, Object>> steps = new ArrayList<>();
                question.steps().forEach((step, count) -> steps.add(Map.of("step", step, "count", count)));
                row.put("steps", steps);
                row.put("texts", question.texts());
                questions.add(row);
            }
            model.put("survey", Map.of("title", survey.get().title(), "questions", questions));
        }
        model.put("staff", Map.of("email", staff.email(), "admin", staff.admin(), "csrf",
                Csrf.token(request, response)));
        pages.render(request, response, 200, "staff_quiz", texts, texts.get("staff_quiz_title"), model);
    }

    /** The results of everyone who may take the quiz: the registrants read (and audited) before, and the viewers. */
    private QuizResults results(Paper quiz, Registrants registrants) throws StoreException {
        return QuizResults.of(quiz, registrants.registrations(),
                viewingIds.issuedWithoutRegistration(registrants.seminar().id()), attempts);
    }

    private static String attemptText(QuizAttempt attempt, Texts texts) {
        String state = !attempt.submitted() ? texts.get("quiz_state_open")
                : attempt.percent() == null ? texts.get("quiz_state_submitted") : percent(attempt.percent() / 100);
        return attempt.number() + ": " + state + (attempt.late() ? " (" + texts.get("staff_quiz_late") + ")" : "");
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    private static Map<String, Object> results(QuizResults results) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("quiz", results.quiz().id());
        body.put("passPercent", results.quiz().passPercent());
        body.put("maxPoints", results.quiz().maxPoints());
        body.put("takers", results.takers());
        body.put("passed", results.passed());
        body.put("passRate", results.passRate());
        List<Map<String, Object>> people = new ArrayList<>();
        for (Person person : results.people()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("registration", person.registration() == null ? null : person.registration().id());
            row.put("viewingId", person.viewer() == null ? null : person.viewer().masked());
            row.put("name", person.name());
            row.put("organization", person.organization());
            row.put("email", person.email());
            row.put("bestPercent", person.best());
            row.put("passed", person.best() != null && person.best() >= results.quiz().passPercent());
            List<Map<String, Object>> attempts = new ArrayList<>();
            for (QuizAttempt attempt : person.attempts()) {
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("number", attempt.number());
                shown.put("startedAt", Json.time(attempt.startedAt()));
                shown.put("submittedAt", Json.time(attempt.submittedAt()));
                shown.put("late", attempt.late());
                shown.put("points", attempt.points());
                shown.put("percent", attempt.percent());
                attempts.add(shown);
            }
            row.put("attempts", attempts);
            people.add(row);
        }
        body.put("people", people);
        return body;
    }

    private static Map<String, Object> items(QuizResults results) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("quiz", results.quiz().id());
        List<Map<String, Object>> items = new ArrayList<>();
        for (ItemStatistic statistic : results.items()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", statistic.item().id());
            row.put("text", statistic.item().text());
            row.put("attempts", statistic.attempts());
            row.put("facility", statistic.facility());
            row.put("discrimination", statistic.discrimination());
            Map<String, Object> picks = new LinkedHashMap<>();
            for (Choice choice : statistic.item().choices()) {
                picks.put(choice.id(), Map.of("text", choice.text(), "correct", choice.correct(), "count",
                        statistic.picks().getOrDefault(choice.id(), 0)));
            }
            row.put("picks", picks);
            items.add(row);
        }
        body.put("items", items);
        List<Map<String, Object>> slides = new ArrayList<>();
        for (WeakSlide slide : results.weakSlides()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("deck", slide.citation().deckId());
            row.put("page", slide.citation().page());
            row.put("facility", slide.facility());
            row.put("questions", slide.questions().stream().map(s -> s.item().id()).toList());
            slides.add(row);
        }
        body.put("weakestSlides", slides);
        return body;
    }

    private static Map<String, Object> surveyJson(Paper survey, List<SurveyQuestion> questions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("survey", survey.id());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SurveyQuestion question : questions) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", question.item().id());
            row.put("text", question.item().text());
            row.put("kind", QuizViews.kind(question.item()));
            if (question.item() instanceof Item.Likert) {
                row.put("distribution", question.steps());
            } else {
                row.put("answers", question.texts());
            }
            rows.add(row);
        }
        body.put("questions", rows);
        return body;
    }

    private static void resultsCsv(HttpServletResponse response, Texts texts, String seminarId, QuizResults results)
            throws IOException {
        try (CSVPrinter csv = csv(response, "quiz-results-" + seminarId)) {
            csv.printRecord(texts.get("csv_id"), texts.get("vod_id"), texts.get("csv_name"), texts.get("csv_organization"),
                    texts.get("csv_email"), texts.get("staff_quiz_csv_attempt"), texts.get("staff_quiz_csv_started"),
                    texts.get("staff_quiz_csv_submitted"), texts.get("staff_quiz_csv_late"),
                    texts.get("staff_quiz_csv_points"), texts.get("staff_quiz_csv_percent"),
                    texts.get("staff_quiz_csv_passed"));
            for (Person person : results.people()) {
                for (QuizAttempt attempt : person.attempts()) {
                    Double percent = attempt.percent();
                    csv.printRecord(person.registration() == null ? "" : person.registration().id(),
                            person.viewer() == null ? "" : person.viewer().masked(), StaffDesk.cell(person.name()),
                            StaffDesk.cell(person.organization()), StaffDesk.cell(person.email()), attempt.number(),
                            StaffDesk.STAMP.format(attempt.startedAt().atZone(Catalogue.ZONE)),
                            attempt.submittedAt() == null ? ""
                                    : StaffDesk.STAMP.format(attempt.submittedAt().atZone(Catalogue.ZONE)),
                            texts.get(attempt.late() ? "csv_yes" : "csv_no"),
                            attempt.points() == null ? "" : attempt.points(),
                            percent == null ? "" : String.format(Locale.ROOT, "%.1f", percent),
                            percent == null ? "" : texts.get(percent >= results.quiz().passPercent() ? "csv_yes" : "csv_no"));
                }
            }
        }
    }

    private static void surveyCsv(HttpServletResponse response, String seminarId, List<SurveyQuestion> questions)
            throws IOException {
        try (CSVPrinter csv = csv(response, "survey-" + seminarId)) {
            csv.printRecord("question", "text", "answer", "count");
            for (SurveyQuestion question : questions) {
                for (Map.Entry<String, Integer> step : question.steps().entrySet()) {
                    csv.printRecord(question.item().id(), StaffDesk.cell(question.item().text()), step.getKey(),
                            step.getValue());
                }
                for (String text : question.texts()) {
                    csv.printRecord(question.item().id(), StaffDesk.cell(question.item().text()), StaffDesk.cell(text),
                            1);
                }
            }
        }
    }

    /** A CSV download for Excel: UTF-8 with a byte-order mark. */
    private static CSVPrinter csv(HttpServletResponse response, String name) throws IOException {
        response.setStatus(200);
        response.setContentType("text/csv;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        return new CSVPrinter(writer, CSVFormat.EXCEL);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Texts texts, boolean api,
            Refusal refusal) throws IOException {
        if (refusal == Refusal.FORBIDDEN) {
            if (api) {
                Json.error(response, 403, "This seminar is not one of yours", null);
            } else {
                pages.message(request, response, 403, texts, texts.get("staff_forbidden_heading"),
                        texts.get("staff_forbidden_text"), "/staff");
            }
        } else {
            notFound(request, response, texts, api);
        }
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, Texts texts, boolean api)
            throws IOException {
        if (api) {
            Json.error(response, 404, "No such seminar with a quiz or survey, or no such view: " + request.getRequestURI(),
                    null);
        } else {
            pages.message(request, response, 404, texts, texts.get("quiz_not_found_heading"),
                    texts.get("quiz_not_found_text"), "/staff");
        }
    }
}
