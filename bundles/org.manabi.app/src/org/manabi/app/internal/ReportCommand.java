package org.manabi.app.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.manabi.content.ContentException;
import org.manabi.content.ContentRepository;
import org.manabi.report.AnnualPlan;
import org.manabi.report.AnnualPlans;
import org.manabi.report.ReportException;
import org.manabi.report.ReportFormat;
import org.manabi.report.ReportWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code manabi report --year YYYY}: the annual plan of a fiscal year (seminar table and schedule)
 * as CSV (default, to stdout), HTML or PDF; {@code --out FILE} writes a file, whose extension
 * chooses the format when {@code --format} is not given.
 */
@Command(mixinStandardHelpOptions = true)
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--year", required = true, paramLabel = "YYYY", descriptionKey = "option.year")
    private int year;

    @Option(names = "--format", paramLabel = "csv|pdf|html", descriptionKey = "option.format")
    private String format;

    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "option.out")
    private Path out;

    @Option(names = "--content", paramLabel = "DIR", descriptionKey = "option.content")
    private Path content = Path.of("content");

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat chosen = chooseFormat(err);
        if (chosen == null) {
            return 2;
        }
        try {
            AnnualPlan plan = AnnualPlans.of(ContentRepository.open(content).curricula(), year);
            if (out == null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ReportWriter.write(plan, chosen, bytes);
                spec.commandLine().getOut().print(bytes.toString(StandardCharsets.UTF_8));
                spec.commandLine().getOut().flush();
            } else {
                try (OutputStream file = Files.newOutputStream(out)) {
                    ReportWriter.write(plan, chosen, file);
                }
                err.println(MessageFormat.format(spec.resourceBundle().getString("report.written"), out, plan.rows().size()));
            }
            return 0;
        } catch (ContentException | ReportException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return 1;
        }
    }

    /** @return the format, or null after saying on {@code err} why the options do not fit together */
    private ReportFormat chooseFormat(PrintWriter err) {
        ReportFormat result;
        if (format != null) {
            try {
                result = ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println(spec.qualifiedName() + ": "
                        + MessageFormat.format(spec.resourceBundle().getString("report.badFormat"), format));
                return null;
            }
        } else {
            ReportFormat byName = out == null ? null : ReportFormat.ofFileName(out.getFileName().toString());
            result = byName == null ? ReportFormat.CSV : byName;
        }
        if (result == ReportFormat.PDF && out == null) {
            err.println(spec.qualifiedName() + ": " + spec.resourceBundle().getString("report.pdfNeedsOut"));
            return null;
        }
        return result;
    }
}
