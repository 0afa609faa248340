package org.manabi.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.manabi.model.CapacityState;
import org.manabi.model.Curriculum;
import org.manabi.model.FiscalYearPlan;
import org.manabi.model.Organisation;
import org.manabi.model.PlannedEvent;
import org.manabi.model.SeatPool;
import org.manabi.model.Seminar;
import org.manabi.report.AnnualPlan.Capacity;
import org.manabi.report.AnnualPlan.Month;
import org.manabi.report.AnnualPlan.Row;

/** Builds the {@link AnnualPlan} of a fiscal year from the curricula. */
public final class AnnualPlans {

    private AnnualPlans() {
    }

    /**
     * Merges every plan of {@code fiscalYear} found in the curricula (several files may each plan
     * part of a year).
     *
     * @throws ReportException if no curriculum plans that year
     */
    public static AnnualPlan of(List<Curriculum> curricula, int fiscalYear) throws ReportException {
        List<FiscalYearPlan> plans = curricula.stream().flatMap(c -> c.getPlans().stream())
                .filter(plan -> plan.getFiscalYear() == fiscalYear).toList();
        if (plans.isEmpty()) {
            throw new ReportException(org.eclipse.osgi.util.NLS.bind(
                    org.manabi.report.internal.Messages.Report_noPlan, fiscalYear));
        }
        List<Row> rows = new ArrayList<>();
        List<Month> schedule = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            schedule.add(new Month(YearMonth.of(fiscalYear, 4).plusMonths(i), new ArrayList<>()));
        }
        for (FiscalYearPlan plan : plans) {
            for (Seminar seminar : plan.getSeminars()) {
                rows.add(row(seminar));
                place(schedule, monthOf(seminar), seminar.getTitle());
            }
            for (PlannedEvent event : plan.getEvents()) {
                place(schedule, event.getDate() != null ? YearMonth.from(event.getDate()) : event.getMonth(),
                        event.getTitle());
            }
        }
        int lastYearTotal = rows.stream().filter(r -> r.lastYearAttendance() != null)
                .mapToInt(Row::lastYearAttendance).sum();
        int capacityTotal = rows.stream().mapToInt(r -> r.capacity().seats()).sum();
        return new AnnualPlan(fiscalYear, List.copyOf(rows), lastYearTotal, capacityTotal, List.copyOf(schedule));
    }

    private static Row row(Seminar seminar) {
        boolean paid = seminar.getFee() == null || !seminar.getFee().isFree();
        Organisation host = seminar.getHost();
        return new Row(seminar.getId(), seminar.getTitle(), paid, seminar.getLastYearAttendance(),
                capacity(seminar), hostName(host));
    }

    private static String hostName(Organisation host) {
        if (host == null || host.eIsProxy()) {
            return "";
        }
        return host.getShortName() == null || host.getShortName().isBlank() ? host.getName() : host.getShortName();
    }

    /** Seats that are numbers add up; otherwise undecided wins over not planned; no pool at all is not planned. */
    static Capacity capacity(Seminar seminar) {
        int seats = 0;
        boolean numbered = false;
        boolean undecided = false;
        for (SeatPool pool : seminar.getPools()) {
            if (pool.getCapacityState() == CapacityState.NUMBER && pool.getCapacity() != null) {
                seats += pool.getCapacity();
                numbered = true;
            } else if (pool.getCapacityState() == CapacityState.UNDECIDED) {
                undecided = true;
            }
        }
        if (numbered) {
            return new Capacity(CapacityState.NUMBER, seats);
        }
        return new Capacity(undecided ? CapacityState.UNDECIDED : CapacityState.NOT_PLANNED, 0);
    }

    private static YearMonth monthOf(Seminar seminar) {
        if (!seminar.getSessions().isEmpty() && seminar.getSessions().get(0).getDate() != null) {
            return YearMonth.from(seminar.getSessions().get(0).getDate());
        }
        return seminar.getPlannedMonth();
    }

    private static void place(List<Month> schedule, YearMonth month, String title) {
        if (month == null) {
            return; // not scheduled (e.g. not held this year)
        }
        schedule.stream().filter(m -> m.month().equals(month)).findFirst()
                .ifPresent(m -> m.entries().add(title));
    }
}
