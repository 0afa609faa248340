package org.manabi.report;

import java.time.YearMonth;
import java.util.List;

import org.manabi.model.CapacityState;

/**
 * What the committee puts in its yearly report, computed from the model alone: the seminar table
 * of a fiscal year and its month-by-month schedule.
 *
 * @param fiscalYear the fiscal year (年度), April of this year to March of the next
 * @param rows one per seminar of the year's plans, in the order of the content files
 * @param lastYearTotal the sum of last year's turnout over the rows that have one
 * @param capacityTotal the sum of the capacities that are numbers (undecided and not planned count nothing)
 * @param schedule twelve months, April first, each with what happens in it
 */
public record AnnualPlan(int fiscalYear, List<Row> rows, int lastYearTotal, int capacityTotal,
        List<Month> schedule) {

    /**
     * One line of the seminar table.
     *
     * @param lastYearAttendance last year's turnout, or null where there was none
     * @param host the name of the hosting committee or body, or "" when none is given
     */
    public record Row(String seminarId, String title, boolean paid, Integer lastYearAttendance, Capacity capacity,
            String host) {
    }

    /**
     * This year's capacity in the three states of the committee's plans.
     *
     * @param seats the number of seats when the state is {@link CapacityState#NUMBER}, else 0
     */
    public record Capacity(CapacityState state, int seats) {
    }

    /** A month of the schedule and the titles of what takes place in it. */
    public record Month(YearMonth month, List<String> entries) {

        /** 上半期 (April to September) or not, i.e. 下半期 (October to March). */
        public boolean firstHalf() {
            return month.getMonthValue() >= 4 && month.getMonthValue() <= 9;
        }
    }
}
