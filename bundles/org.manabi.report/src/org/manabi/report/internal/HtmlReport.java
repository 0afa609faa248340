package org.manabi.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.manabi.report.AnnualPlan;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

/** The report as one HTML page; Mustache escapes every value, so titles can hold any character. */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static void write(AnnualPlan plan, OutputStream out) throws IOException {
        Mustache template;
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.html.mustache")) {
            // compiled from a reader: Mustache's own resolver looks on the thread's class loader, which OSGi does not set
            template = new DefaultMustacheFactory().compile(new InputStreamReader(in, StandardCharsets.UTF_8),
                    "report.html");
        }
        Map<String, Object> scope = Map.of(
                "lang", Locale.getDefault().getLanguage(),
                "title", NLS.bind(Messages.Report_title, plan.fiscalYear()),
                "header", Labels.tableHeader(),
                "rows", plan.rows().stream().map(row -> Map.of("title", row.title(), "fee", Labels.fee(row),
                        "lastYear", Labels.lastYear(row), "capacity", Labels.capacity(row.capacity()),
                        "host", row.host())).toList(),
                "totalLabel", Labels.total(),
                "lastYearTotal", plan.lastYearTotal(),
                "capacityTotal", plan.capacityTotal(),
                "scheduleTitle", Messages.Schedule_title,
                "scheduleHeader", Labels.scheduleHeader(),
                "months", plan.schedule().stream().map(month -> Map.of("half", Labels.half(month),
                        "month", Labels.month(month),
                        "entries", String.join(Labels.listSeparator(), month.entries()))).toList());
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        template.execute(writer, scope);
        writer.flush();
    }
}
