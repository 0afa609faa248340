package org.manabi.ui.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.manabi.content.ContentRepository;
import org.manabi.model.Seminar;
import org.manabi.server.Catalogue;
import org.manabi.store.AuditLog;
import org.manabi.store.Pool;
import org.manabi.store.Registration;
import org.manabi.store.RegistrationStatus;
import org.manabi.store.Registrations;
import org.manabi.store.StoreException;

/**
 * Who registered for a seminar, per pool, live from the store (read again every few seconds, since
 * other server nodes may write the same PostgreSQL): confirmed, waiting, checked in, fees; check-in
 * from the desktop and a CSV export for Excel. Opening a seminar's list, checking in and exporting
 * are written to the audit log, as on the staff web pages.
 */
public final class RegistrationsView extends ViewPart {

    public static final String ID = "org.manabi.ui.registrations";

    /** Jobs of this family read or write the store; tests wait for them. */
    public static final Object FAMILY = RegistrationsView.class;

    private static final int POLL_MILLIS = 2_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));
    private static final String STAFF = "workbench:" + System.getProperty("user.name");

    private ServerControl control;
    private ContentRepository content;
    private final List<Seminar> seminars = new ArrayList<>();
    private Combo seminar;
    private Label summary;
    private TableViewer table;
    private Button checkIn;
    private Button export;
    private List<Registration> shown = List.of();
    private String shownSeminar;
    private final Runnable poll = () -> reload(true);
    private volatile Registrations registrations;

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(parent);
        seminar = new Combo(parent, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(seminar);
        checkIn = new Button(parent, SWT.PUSH);
        checkIn.setText(Messages.Registrations_checkIn);
        export = new Button(parent, SWT.PUSH);
        export.setText(Messages.Registrations_export);
        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(summary);
        table = new TableViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(table.getControl());
        table.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.Registrations_name, 140, r -> r.applicant().name());
        column(Messages.Registrations_kana, 140, r -> r.applicant().kana());
        column(Messages.Registrations_organization, 220, r -> r.applicant().organization());
        column(Messages.Registrations_pool, 70, r -> r.pool().key());
        column(Messages.Registrations_status, 110, RegistrationsView::status);
        column(Messages.Registrations_fee, 80, r -> r.applicant().feeYen() + "");
        column(Messages.Registrations_checkedIn, 100, r -> r.checkedIn() == null ? "" : TIME.format(r.checkedIn()));

        control = getSite().getService(ServerControl.class);
        content = getSite().getService(ContentRepository.class);
        if (control == null || content == null) {
            summary.setText(Messages.Server_noContent);
            seminar.setEnabled(false);
            checkIn.setEnabled(false);
            export.setEnabled(false);
            return;
        }
        content.curricula().forEach(curriculum -> curriculum.getPlans().forEach(plan -> plan.getSeminars().stream()
                .filter(s -> !s.getPools().isEmpty()).forEach(seminars::add)));
        seminars.sort(Comparator.comparing((Seminar s) -> ExplorerNodes.yearOf(s)).reversed()
                .thenComparing(s -> Objects.toString(s.getTitle(), "")));
        seminars.forEach(s -> seminar.add(ExplorerNodes.yearOf(s) + "  " + s.getTitle() + "  (" + s.getId() + ")"));
        seminar.addListener(SWT.Selection, event -> reload(false));
        checkIn.addListener(SWT.Selection, event -> checkInSelected());
        export.addListener(SWT.Selection, event -> {
            FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
            dialog.setFilterExtensions(new String[] { "*.csv" });
            dialog.setFileName(selected().getId() + ".csv");
            dialog.setOverwrite(true);
            String file = dialog.open();
            if (file != null) {
                export(Path.of(file));
            }
        });
        seminar.getDisplay().timerExec(POLL_MILLIS, poll);
    }

    private void column(String title, int width, java.util.function.Function<Registration, String> text) {
        TableViewerColumn column = new TableViewerColumn(table, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(ColumnLabelProvider.createTextProvider(row -> text.apply((Registration) row)));
    }

    private static String status(Registration registration) {
        return switch (registration.status()) {
            case CONFIRMED -> registration.checkedIn() == null ? Messages.Registrations_confirmed
                    : Messages.Registrations_present;
            case WAITING -> NLS.bind(Messages.Registrations_waiting, registration.position());
            default -> Messages.Registrations_cancelled;
        };
    }

    /** Shows the seminar's registrations, as choosing it in the list does. */
    public void show(String seminarId) {
        for (int i = 0; i < seminars.size(); i++) {
            if (seminars.get(i).getId().equals(seminarId)) {
                seminar.select(i);
                reload(false);
                return;
            }
        }
        throw new IllegalArgumentException("no seminar with seats " + seminarId);
    }

    private Seminar selected() {
        int index = seminar.getSelectionIndex();
        return index < 0 ? null : seminars.get(index);
    }

    /** Reads the list again in a job, and shows it if it changed; the poll then polls again. */
    private void reload(boolean polling) {
        Runnable then = polling ? this::rearm : () -> { };
        Seminar chosen = seminar.isDisposed() ? null : selected();
        if (chosen == null) {
            then.run();
            return;
        }
        String id = chosen.getId();
        boolean opened = !id.equals(shownSeminar);
        storeJob(Messages.Registrations_reading, registrations -> {
            if (opened) {
                new AuditLog(control.database(), Clock.systemUTC()).record(STAFF, "list registrations", id, "desktop");
            }
            List<Registration> now = registrations.ofSeminar(id);
            seminar.getDisplay().asyncExec(() -> show(id, now, chosen));
        }, then);
    }

    private void rearm() {
        if (!seminar.isDisposed()) {
            seminar.getDisplay().timerExec(POLL_MILLIS, poll);
        }
    }

    private void show(String id, List<Registration> now, Seminar chosen) {
        if (table.getControl().isDisposed() || selected() == null || !selected().getId().equals(id)) {
            return;
        }
        if (!id.equals(shownSeminar) || !now.equals(shown)) {
            shownSeminar = id;
            shown = now;
            table.setInput(now);
            summary.setText(summary(now, chosen));
        }
    }

    /** "onsite: 3 confirmed of 80, 1 waiting, 2 checked in · web: … · fees ¥25,000". */
    private static String summary(List<Registration> registrations, Seminar seminar) {
        Map<Pool, int[]> counts = new EnumMap<>(Pool.class);
        long fees = 0;
        for (Registration r : registrations) {
            int[] count = counts.computeIfAbsent(r.pool(), pool -> new int[3]);
            if (r.status() == RegistrationStatus.CONFIRMED) {
                count[0]++;
                fees += r.applicant().feeYen();
                if (r.checkedIn() != null) {
                    count[2]++;
                }
            } else if (r.status() == RegistrationStatus.WAITING) {
                count[1]++;
            }
        }
        List<String> parts = new ArrayList<>();
        seminar.getPools().forEach(pool -> {
            Pool key = Pool.ofKey(pool.getMode().getLiteral());
            int[] count = counts.getOrDefault(key, new int[3]);
            parts.add(NLS.bind(Messages.Registrations_pool_summary, new Object[] { key.key(), count[0],
                    pool.getCapacity() == null ? "-" : pool.getCapacity(), count[1], count[2] }));
        });
        parts.add(NLS.bind(Messages.Registrations_fees, String.format("%,d", fees)));
        return String.join("  \u00b7  ", parts);
    }

    /** Checks in the selected confirmed participants, as the button does. */
    public void checkInSelected() {
        List<Registration> chosen = ((List<?>) table.getStructuredSelection().toList()).stream().map(Registration.class::cast)
                .filter(r -> r.status() == RegistrationStatus.CONFIRMED && r.checkedIn() == null).toList();
        if (chosen.isEmpty()) {
            return;
        }
        storeJob(Messages.Registrations_checkingIn, registrations -> {
            AuditLog audit = new AuditLog(control.database(), Clock.systemUTC());
            for (Registration r : chosen) {
                audit.record(STAFF, "check in", r.seminarId() + " " + r.applicant().name(), "desktop");
                registrations.checkIn(r.token(), STAFF);
            }
            seminar.getDisplay().asyncExec(() -> reload(false));
        }, () -> { });
    }

    /**
     * Writes the shown seminar's registrations as CSV in UTF-8 with a byte order mark (Excel reads
     * Japanese correctly only then), in a job.
     */
    public Job export(Path file) {
        Seminar chosen = selected();
        if (chosen == null) {
            return null;
        }
        return storeJob(Messages.Registrations_exporting, registrations -> {
            new AuditLog(control.database(), Clock.systemUTC()).record(STAFF, "export registrations CSV",
                    chosen.getId(), "desktop");
            List<Registration> all = registrations.ofSeminar(chosen.getId());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL)) {
                out.write('\ufeff');
                csv.printRecord(Messages.Registrations_name, Messages.Registrations_kana, "email",
                        Messages.Registrations_organization, Messages.Registrations_pool,
                        Messages.Registrations_status, Messages.Registrations_fee, Messages.Registrations_checkedIn);
                for (Registration r : all) {
                    csv.printRecord(r.applicant().name(), r.applicant().kana(), r.applicant().email(),
                            r.applicant().organization(), r.pool().key(), r.status().key(), r.applicant().feeYen(),
                            r.checkedIn() == null ? "" : r.checkedIn().toString());
                }
            } catch (IOException e) {
                throw new StoreException(NLS.bind(Messages.Registrations_exportFailed, file, e.getMessage()), e);
            }
        }, () -> { });
    }

    @FunctionalInterface
    private interface StoreWork {
        void run(Registrations registrations) throws StoreException;
    }

    private Job storeJob(String name, StoreWork work, Runnable then) {
        Job job = Jobs.of(name, FAMILY, monitor -> {
            try {
                if (registrations == null) {
                    registrations = new Registrations(control.database(), Catalogue.of(content), Clock.systemUTC());
                }
                work.run(registrations);
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
        job.setSystem(name.equals(Messages.Registrations_reading));
        job.schedule();
        return job;
    }

    /** The rows shown, for tests. */
    public TableViewer table() {
        return table;
    }

    @Override
    public void setFocus() {
        seminar.setFocus();
    }
}
