package org.manabi.ui.internal.results;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.manabi.content.ContentRepository;
import org.manabi.model.FiscalYearPlan;
import org.manabi.model.Seminar;
import org.manabi.quiz.Choice;
import org.manabi.quiz.Citation;
import org.manabi.quiz.ItemAnalysis.WeakSlide;
import org.manabi.quiz.ItemAnalysis.ItemStatistic;
import org.manabi.quiz.Paper;
import org.manabi.quiz.Papers;
import org.manabi.server.Catalogue;
import org.manabi.server.QuizResults;
import org.manabi.server.QuizResults.Person;
import org.manabi.store.AuditLog;
import org.manabi.store.PersonalDataRequests;
import org.manabi.store.QuizAttempt;
import org.manabi.store.QuizAttempts;
import org.manabi.store.Registration;
import org.manabi.store.Registrations;
import org.manabi.store.StoreException;
import org.manabi.store.ViewingIds;
import org.manabi.ui.internal.Jobs;
import org.manabi.ui.internal.ServerControl;
import org.manabi.ui.internal.search.PageInput;
import org.manabi.ui.internal.search.PageViewer;

/**
 * A seminar's quiz results, live from the store (read again every few seconds, since other server
 * nodes may write the same PostgreSQL): each registrant's attempts and best score, the pass rate,
 * the item analysis (facility, discrimination, how often each choice was picked) and the weakest
 * slides as a chart. The figures are the staff web pages' ({@link QuizResults}); opening a
 * seminar's results (names and scores: personal data) is written to the audit log, as there.
 */
public final class ResultsView extends ViewPart {

    public static final String ID = "org.manabi.ui.results";

    /** Jobs of this family read the store; tests wait for them. */
    public static final Object FAMILY = ResultsView.class;

    private static final int POLL_MILLIS = 2_000;
    private static final String STAFF = "workbench:" + System.getProperty("user.name");

    private ServerControl control;
    private ContentRepository content;
    private final List<Seminar> seminars = new ArrayList<>();
    private Combo seminar;
    private Label summary;
    private TableViewer people;
    private TableViewer items;
    private WeakSlidesChart chart;
    private QuizResults shown;
    private String shownSeminar;
    private final Runnable poll = () -> reload(true);
    private volatile Reader reader;

    /**
     * The store's attempts, registrations, viewing IDs and suspensions, made on first use (off the UI
     * thread: the database may migrate).
     */
    private record Reader(QuizAttempts attempts, Registrations registrations, ViewingIds viewingIds,
            PersonalDataRequests requests, AuditLog audit) {
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.swtDefaults().applyTo(parent);
        seminar = new Combo(parent, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(seminar);
        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        SashForm rows = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(rows);
        people = table(rows);
        column(people, Messages.Results_name, 140, p -> name((Person) p));
        column(people, Messages.Results_organization, 200, p -> ((Person) p).organization());
        column(people, Messages.Results_best, 70, p -> percent(((Person) p).best()));
        column(people, Messages.Results_passed, 60, p -> passed((Person) p));
        column(people, Messages.Results_attempts, 260, p -> attempts((Person) p));
        SashForm analysis = new SashForm(rows, SWT.HORIZONTAL);
        items = table(analysis);
        column(items, Messages.Results_number, 40, s -> String.valueOf(shown.quiz().items().indexOf(((ItemStatistic) s).item()) + 1));
        column(items, Messages.Results_question, 260, s -> ((ItemStatistic) s).item().text());
        column(items, Messages.Results_answered, 70, s -> String.valueOf(((ItemStatistic) s).attempts()));
        column(items, Messages.Results_facility, 70, s -> facility((ItemStatistic) s));
        column(items, Messages.Results_discrimination, 90, s -> discrimination(((ItemStatistic) s).discrimination()));
        column(items, Messages.Results_picks, 300, s -> picks((ItemStatistic) s));
        chart = new WeakSlidesChart(analysis, this::open);
        analysis.setWeights(3, 2);
        rows.setWeights(2, 3);

        control = getSite().getService(ServerControl.class);
        content = getSite().getService(ContentRepository.class);
        if (control == null || content == null) {
            disable(Messages.Results_noContent);
            return;
        }
        List<FiscalYearPlan> plans = new ArrayList<>();
        content.curricula().forEach(curriculum -> plans.addAll(curriculum.getPlans()));
        plans.sort(Comparator.comparingInt(FiscalYearPlan::getFiscalYear).reversed());
        for (FiscalYearPlan plan : plans) {
            plan.getSeminars().stream().filter(s -> Papers.quiz(s).isPresent())
                    .sorted(Comparator.comparing(s -> Objects.toString(s.getTitle(), ""))).forEach(s -> {
                        seminars.add(s);
                        seminar.add(plan.getFiscalYear() + "  " + s.getTitle() + "  (" + s.getId() + ")");
                    });
        }
        if (seminars.isEmpty()) {
            disable(Messages.Results_noQuiz);
            return;
        }
        seminar.addListener(SWT.Selection, event -> reload(false));
        seminar.getDisplay().timerExec(POLL_MILLIS, poll);
    }

    private void disable(String why) {
        summary.setText(why);
        seminar.setEnabled(false);
    }

    private static TableViewer table(Composite parent) {
        TableViewer viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    private static void column(TableViewer viewer, String title, int width, Function<Object, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(ColumnLabelProvider.createTextProvider(text));
    }

    /** Shows the seminar's results, as choosing it in the list does. */
    public void show(String seminarId) {
        for (int i = 0; i < seminars.size(); i++) {
            if (seminars.get(i).getId().equals(seminarId)) {
                seminar.select(i);
                reload(false);
                return;
            }
        }
        throw new IllegalArgumentException("no seminar with a quiz " + seminarId);
    }

    /**
     * Reads the results again in a job and shows them if they changed; the poll then polls again.
     * The quiz is snapshot here, on the UI thread, where the model is edited.
     */
    private void reload(boolean polling) {
        Runnable then = polling ? this::rearm : () -> { };
        int index = seminar.isDisposed() ? -1 : seminar.getSelectionIndex();
        Paper quiz = index < 0 ? null : Papers.quiz(seminars.get(index)).orElse(null);
        if (quiz == null) {
            then.run();
            return;
        }
        String id = quiz.seminarId();
        boolean opened = !id.equals(shownSeminar);
        Job job = Jobs.of(Messages.Results_reading, FAMILY, monitor -> {
            try {
                Reader store = reader();
                if (opened) {
                    store.audit().record(STAFF, "read quiz results", id, "desktop");
                }
                // a participant who asked to suspend the use of their data is left out, as on the staff pages
                Set<Long> suspended = store.requests().suspendedIn(id);
                List<Registration> registrants = store.registrations().ofSeminar(id).stream()
                        .filter(r -> !suspended.contains(r.id())).toList();
                QuizResults now = QuizResults.of(quiz, registrants, store.viewingIds().issuedWithoutRegistration(id),
                        store.attempts());
                seminar.getDisplay().asyncExec(() -> show(id, now));
            } catch (StoreException e) {
                seminar.getDisplay().asyncExec(() -> {
                    if (!summary.isDisposed()) {
                        summary.setText(e.getMessage());
                    }
                });
            } finally {
                if (!seminar.isDisposed()) {
                    seminar.getDisplay().asyncExec(then);
                }
            }
            return Status.OK_STATUS;
        });
        job.setSystem(polling);
        job.schedule();
    }

    private Reader reader() throws StoreException {
        if (reader == null) {
            Clock clock = Clock.systemUTC();
            reader = new Reader(new QuizAttempts(control.database(), clock),
                    new Registrations(control.database(), Catalogue.of(content), clock),
                    new ViewingIds(control.database(), clock), new PersonalDataRequests(control.database(), clock),
                    new AuditLog(control.database(), clock));
        }
        return reader;
    }

    private void rearm() {
        if (!seminar.isDisposed()) {
            seminar.getDisplay().timerExec(POLL_MILLIS, poll);
        }
    }

    private void show(String id, QuizResults now) {
        int index = seminar.isDisposed() ? -1 : seminar.getSelectionIndex();
        if (index < 0 || !seminars.get(index).getId().equals(id) || (id.equals(shownSeminar) && now.equals(shown))) {
            return;
        }
        shownSeminar = id;
        shown = now;
        people.setInput(now.people().stream().filter(p -> !p.attempts().isEmpty()).toList());
        items.setInput(now.items());
        chart.show(now.weakSlides(), now.quiz().passPercent());
        String title = Objects.toString(now.quiz().title(), now.quiz().id());
        summary.setText(now.takers() == 0 ? NLS.bind(Messages.Results_nobody, title, now.people().size())
                : NLS.bind(Messages.Results_summary, new Object[] { title, now.takers(), now.people().size(),
                        now.passed(), percent(100 * now.passRate()), now.quiz().passPercent() }));
        summary.getParent().layout(true, true);
    }

    private static String percent(Double percent) {
        return percent == null ? "" : String.format("%.1f %%", percent);
    }

    /** A VOD viewer who did not register is marked with the masked viewing ID, as on the staff pages. */
    private static String name(Person person) {
        return person.viewer() == null ? person.name() : NLS.bind(Messages.Results_viewer, person.name(), person.viewer().masked());
    }

    private String passed(Person person) {
        return person.best() != null && person.best() >= shown.quiz().passPercent() ? "\u2713" : "";
    }

    /** "#1 40.0 % (late) · #2 open". */
    private static String attempts(Person person) {
        return person.attempts().stream().map(ResultsView::attempt).collect(Collectors.joining("  \u00b7  "));
    }

    private static String attempt(QuizAttempt attempt) {
        String score = !attempt.submitted() ? Messages.Results_open
                : percent(attempt.percent()) + (attempt.late() ? " " + Messages.Results_late : "");
        return NLS.bind(Messages.Results_attempt, attempt.number(), score);
    }

    private static String facility(ItemStatistic statistic) {
        return statistic.attempts() == 0 ? "" : percent(100 * statistic.facility());
    }

    private static String discrimination(Double discrimination) {
        return discrimination == null ? "\u2013" : String.format("%.2f", discrimination);
    }

    /** "1.2.840.10008: 3 · 2.16.840.1: 1", in the authored order of the choices. */
    private static String picks(ItemStatistic statistic) {
        Map<String, Integer> picks = statistic.picks();
        return statistic.item().choices().stream().map((Choice choice) -> choice.text() + ": " + picks.getOrDefault(choice.id(), 0))
                .collect(Collectors.joining("  \u00b7  "));
    }

    /** Opens the page viewer on the slide of a bar of the chart. */
    private void open(WeakSlide slide) {
        Citation citation = slide.citation();
        if (citation.pdf() == null) {
            return; // content that is not in files has no page to show
        }
        String title = Objects.requireNonNullElse(citation.deckTitle(), citation.pdf().getFileName().toString());
        try {
            PageViewer.open(getSite().getPage(), PageInput.of(citation.pdf(), citation.page(), citation.deckId(), title, content));
        } catch (PartInitException e) {
            ErrorDialog.openError(getSite().getShell(), null, null, e.getStatus());
        }
    }

    /** The chart of the weakest slides, for tests that click its bars. */
    public Control chart() {
        return chart;
    }

    /** Where the chart draws the {@code index}th weakest slide, in the chart's coordinates, for tests. */
    public Rectangle chartBar(int index) {
        return chart.bar(index);
    }

    /** The results shown, for tests. */
    public QuizResults results() {
        return shown;
    }

    /** The item statistics shown, for tests. */
    public TableViewer items() {
        return items;
    }

    /** The weakest slides drawn, for tests. */
    public List<?> chartedSlides() {
        return chart.slides();
    }

    @Override
    public void setFocus() {
        seminar.setFocus();
    }
}
