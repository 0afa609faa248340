package org.manabi.ui.internal.report;

import java.nio.file.Path;

import org.manabi.report.ReportFormat;

/**
 * What the annual report dialog asks for.
 *
 * @param open whether to open the file written with the program the desktop uses for it
 */
record AnnualReportRequest(int fiscalYear, ReportFormat format, Path file, boolean open) {
}
