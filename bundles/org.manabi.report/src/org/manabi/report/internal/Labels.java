package org.manabi.report.internal;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.manabi.report.AnnualPlan.Capacity;
import org.manabi.report.AnnualPlan.Month;
import org.manabi.report.AnnualPlan.Row;

/** How the report words each cell; one place, so that CSV, HTML and PDF say the same. */
public final class Labels {

    private Labels() {
    }

    public static List<String> tableHeader() {
        return List.of(Messages.Column_seminar, Messages.Column_fee, Messages.Column_lastYear,
                Messages.Column_capacity, Messages.Column_host);
    }

    public static List<String> scheduleHeader() {
        return List.of(Messages.Column_half, Messages.Column_month, Messages.Column_events);
    }

    public static String fee(Row row) {
        return row.paid() ? Messages.Fee_paid : Messages.Fee_free;
    }

    public static String lastYear(Row row) {
        return row.lastYearAttendance() == null ? Messages.Capacity_notPlanned : row.lastYearAttendance().toString();
    }

    public static String capacity(Capacity capacity) {
        return switch (capacity.state()) {
            case NUMBER -> Integer.toString(capacity.seats());
            case UNDECIDED -> Messages.Capacity_undecided;
            case NOT_PLANNED -> Messages.Capacity_notPlanned;
        };
    }

    public static String total() {
        return Messages.Total;
    }

    public static String half(Month month) {
        return month.firstHalf() ? Messages.Half_first : Messages.Half_second;
    }

    public static String month(Month month) {
        return month.month().format(DateTimeFormatter.ofPattern(Messages.Month_format, Locale.getDefault()));
    }

    public static String listSeparator() {
        return Messages.List_separator;
    }
}
