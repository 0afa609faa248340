package org.manabi.app.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.manabi.content.ContentException;
import org.manabi.content.ContentRepository;
import org.manabi.model.Curriculum;
import org.manabi.model.FiscalYearPlan;
import org.manabi.model.Seminar;
import org.manabi.store.AuditLog;
import org.manabi.store.Database;
import org.manabi.store.Retention;
import org.manabi.store.StoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code manabi retention [--years N] [--dry-run]}: anonymises the registrations and viewing IDs of seminars whose
 * fiscal year was followed by N full fiscal years (default 5), keeping the figures; see
 * {@link Retention}. The curricula say which fiscal year a seminar belongs to. Meant for a yearly
 * timer (April); each run is written to the audit log.
 */
@Command(mixinStandardHelpOptions = true)
final class RetentionCommand extends DatabaseCommand implements Callable<Integer> {

    private static final String COMMAND_LINE = "command line";

    @Spec
    private CommandSpec spec;

    @Option(names = "--content", paramLabel = "DIR", descriptionKey = "option.content")
    private Path content;

    @Option(names = "--years", paramLabel = "N", defaultValue = "5", descriptionKey = "option.retentionYears")
    private int years;

    @Option(names = "--dry-run", descriptionKey = "option.dryRun")
    private boolean dryRun;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (years < 1) {
            err.println(spec.qualifiedName() + ": --years " + years + " keeps nothing; give 1 or more");
            return 2;
        }
        Map<String, Integer> fiscalYears = new HashMap<>();
        try {
            for (Curriculum curriculum : ContentRepository.open(content == null ? Path.of("content") : content).curricula()) {
                for (FiscalYearPlan plan : curriculum.getPlans()) {
                    for (Seminar seminar : plan.getSeminars()) {
                        if (seminar.getId() != null) {
                            fiscalYears.put(seminar.getId(), plan.getFiscalYear());
                        }
                    }
                }
            }
        } catch (ContentException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return 1;
        }
        try (Database database = open()) {
            Retention retention = new Retention(database, Clock.systemUTC());
            List<Retention.Expired> due = retention.expired(years, fiscalYears);
            for (Retention.Expired seminar : due) {
                out.println(text(dryRun ? "retention.due" : "retention.seminar", seminar.seminarId(), seminar.fiscalYear(),
                        seminar.registrations(), seminar.viewingIds()));
            }
            if (dryRun) {
                out.println(text("retention.documents", retention.documentRequestsDue(years)));
                out.println(text("retention.dryRun", due.size()));
                return 0;
            }
            int anonymised = retention.anonymise(due);
            int documentRequests = retention.anonymiseDocumentRequests(years);
            new AuditLog(database, Clock.systemUTC()).record(COMMAND_LINE, "anonymise (retention)",
                    anonymised + " registrations and viewing IDs of " + due.size() + " seminars, " + documentRequests
                            + " document requests, " + years + " fiscal years", null);
            out.println(text("retention.done", anonymised, due.size(), years, documentRequests));
            return 0;
        } catch (StoreException e) {
            err.println(spec.qualifiedName() + ": " + explain(e));
            return 1;
        }
    }

    private String text(String key, Object... arguments) {
        return MessageFormat.format(spec.resourceBundle().getString(key), arguments);
    }
}
