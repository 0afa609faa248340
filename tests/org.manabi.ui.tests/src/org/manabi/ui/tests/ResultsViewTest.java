package org.manabi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.manabi.quiz.ItemAnalysis.ItemStatistic;
import org.manabi.quiz.ItemAnalysis.WeakSlide;
import org.manabi.server.QuizResults;
import org.manabi.server.QuizResults.Person;
import org.manabi.store.PersonalDataRequests;
import org.manabi.ui.internal.ServerControl;
import org.manabi.ui.internal.results.ResultsView;
import org.manabi.ui.internal.search.PageViewer;

/**
 * Two people take the DICOM quiz through the web API; the Results view, reading the store on its
 * own, shows their scores, the new item statistics and the slide behind the question one missed.
 * The data folder may hold earlier runs' attempts, so the figures are checked as they grow.
 */
class ResultsViewTest {

    private static final String SEMINAR = "dicom-beginner-2027";
    private static final String NUMERIC = "dicom-beginner-q01";
    private static final String UID_ROOT = "dicom-beginner-q06";

    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void attemptsSubmittedThroughTheApiShowWithTheirItemStatistics() throws Exception {
        ServerControl control = PlatformUI.getWorkbench().getService(ServerControl.class);
        if (control.state() == ServerControl.State.STOPPED) {
            control.start();
        }
        Widgets.waitUntil("the server runs", 60, () -> control.state() == ServerControl.State.RUNNING);
        ResultsView view = (ResultsView) page.showView(ResultsView.ID);
        view.show(SEMINAR);
        Widgets.waitUntil("the results show", 30, () -> view.results() != null);
        QuizResults before = view.results();
        ItemStatistic uidBefore = item(before, UID_ROOT);
        ItemStatistic numericBefore = item(before, NUMERIC);

        String right = "right" + System.nanoTime() + "@example.jp";
        String wrong = "wrong" + System.nanoTime() + "@example.jp";
        takeQuiz(control.uri(), "試験 一郎", right, "{\"" + NUMERIC + "\":\"１９９３\",\"" + UID_ROOT + "\":\"" + UID_ROOT + "-a\"}");
        takeQuiz(control.uri(), "試験 二郎", wrong, "{\"" + NUMERIC + "\":\"1993\",\"" + UID_ROOT + "\":\"" + UID_ROOT + "-c\"}");

        Widgets.waitUntil("both attempts show", 30, () -> view.results().takers() == before.takers() + 2);
        QuizResults after = view.results();
        assertEquals(100.0 * 2 / after.quiz().maxPoints(), person(after, right).best(), 1e-9, "two of 13 points");
        assertEquals(100.0 * 1 / after.quiz().maxPoints(), person(after, wrong).best(), 1e-9, "one of 13 points");

        ItemStatistic uid = item(after, UID_ROOT);
        assertEquals(uidBefore.attempts() + 2, uid.attempts());
        assertEquals(uidBefore.picks().get(UID_ROOT + "-a") + 1, uid.picks().get(UID_ROOT + "-a"));
        assertEquals(uidBefore.picks().get(UID_ROOT + "-c") + 1, uid.picks().get(UID_ROOT + "-c"));
        assertEquals(uidBefore.facility() * uidBefore.attempts() + 1, uid.facility() * uid.attempts(), 1e-9,
                "one of the two got it right");
        ItemStatistic numeric = item(after, NUMERIC);
        assertEquals(numericBefore.facility() * numericBefore.attempts() + 2, numeric.facility() * numeric.attempts(),
                1e-9, "full-width digits are right too");

        // a participant who has the use of their data suspended leaves the list, as on the staff pages
        PersonalDataRequests requests = new PersonalDataRequests(control.database(), Clock.systemUTC());
        long suspension = requests.ask(person(after, wrong).registration().id(), PersonalDataRequests.Kind.SUSPENSION,
                Map.of(), "").id();
        requests.settle(suspension, true, "admin@example.jp", null);
        Widgets.waitUntil("the suspended participant leaves the list", 30,
                () -> view.results().people().stream().noneMatch(p -> p.email().equals(wrong)));
        assertEquals(before.takers() + 1, view.results().takers());

        TableItem row = rowOf(view, "DICOM 規格そのものが使う UID のルートはどれか。");
        assertEquals(String.format("%.1f %%", 100 * uid.facility()), row.getText(3));
        assertTrue(row.getText(5).contains("2.16.840.1: " + uid.picks().get(UID_ROOT + "-c")), row.getText(5));
        assertFalse(view.chartedSlides().isEmpty(), "the slides behind the questions are charted");

        WeakSlide weakest = (WeakSlide) view.chartedSlides().get(0);
        Rectangle bar = view.chartBar(0);
        Event click = new Event();
        click.button = 1;
        click.x = bar.x + bar.width / 2;
        click.y = bar.y + bar.height / 2;
        view.chart().notifyListeners(SWT.MouseUp, click);
        Widgets.flush();
        PageViewer viewer = (PageViewer) page.getActiveEditor();
        assertEquals(weakest.citation().pdf().toAbsolutePath().normalize(), viewer.page().pdf(), "the bar's deck");
        assertEquals(weakest.citation().page(), viewer.page().page(), "at the bar's page");
        assertTrue(viewer.page().pageCount() > 0, "counted from the deck in the content");
        Widgets.waitUntil("the page rendered", 60, () -> viewer.image() != null);
        page.closeAllEditors(false);
        page.activate(view);
        IWorkbenchPartReference part = page.getReference(view);
        page.setPartState(part, IWorkbenchPage.STATE_MAXIMIZED);
        try {
            Widgets.screenshot(page.getWorkbenchWindow().getShell(), "results");
        } finally {
            page.setPartState(part, IWorkbenchPage.STATE_RESTORED);
        }
    }

    /** Registers a new person, starts an attempt, submits the answers and checks that it was graded. */
    private void takeQuiz(URI server, String name, String email, String answers) throws IOException, InterruptedException {
        HttpResponse<String> registered = post(server.resolve("/api/seminars/" + SEMINAR + "/registrations"),
                "{\"name\":\"" + name + "\",\"kana\":\"しけん\",\"email\":\"" + email
                        + "\",\"organization\":\"富嶽メディカルシステムズ株式会社\",\"member\":true,\"pool\":\"web\"}");
        assertEquals(201, registered.statusCode(), registered.body());
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(registered.body());
        assertTrue(token.find(), registered.body());
        String quiz = "/api/quiz/" + token.group(1) + "/attempts";
        HttpResponse<String> started = post(server.resolve(quiz), "{}");
        assertEquals(201, started.statusCode(), started.body());
        HttpResponse<String> submitted = post(server.resolve(quiz + "/1/submit"), "{\"answers\":" + answers + "}");
        assertEquals(200, submitted.statusCode(), submitted.body());
        assertTrue(submitted.body().contains("\"state\":\"submitted\""), submitted.body());
    }

    private HttpResponse<String> post(URI uri, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static ItemStatistic item(QuizResults results, String id) {
        return results.items().stream().filter(s -> s.item().id().equals(id)).findFirst().orElseThrow();
    }

    private static Person person(QuizResults results, String email) {
        return results.people().stream().filter(p -> p.email().equals(email)).findFirst()
                .orElseThrow();
    }

    private static TableItem rowOf(ResultsView view, String question) {
        List<TableItem> rows = List.of(view.items().getTable().getItems());
        return rows.stream().filter(r -> r.getText(1).equals(question)).findFirst().orElseThrow();
    }
}
