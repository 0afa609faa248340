package org.manabi.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.manabi.content.ContentRepository;
import org.manabi.model.FiscalYearPlan;
import org.manabi.model.Organisation;
import org.manabi.model.Seminar;

/**
 * The two levels the committee thinks in above the seminars, across all content files: fiscal years,
 * then the committees hosting seminars in that year. They are derived from the model each time (a
 * seminar moved to another year or host moves in the tree), and compare by value, so the tree keeps
 * what was expanded when it refreshes.
 */
final class ExplorerNodes {

    /** A fiscal year (April to March) of the committee's plans. */
    record FiscalYear(int year) {
    }

    /** The seminars a committee hosts in a fiscal year; {@code host} null for seminars without one. */
    record Committee(int year, Organisation host) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Committee committee && committee.year == year && committee.host == host;
        }

        @Override
        public int hashCode() {
            return Objects.hash(year, System.identityHashCode(host));
        }
    }

    private final ContentRepository repository;

    ExplorerNodes(ContentRepository repository) {
        this.repository = repository;
    }

    /** Newest first: the year being planned is the one worked on. */
    List<FiscalYear> years() {
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        for (Seminar seminar : seminars()) {
            years.add(yearOf(seminar));
        }
        return years.stream().map(FiscalYear::new).toList();
    }

    List<Committee> committees(FiscalYear year) {
        List<Committee> committees = new ArrayList<>();
        for (Seminar seminar : seminars()) {
            Committee committee = new Committee(year.year(), seminar.getHost());
            if (yearOf(seminar) == year.year() && !committees.contains(committee)) {
                committees.add(committee);
            }
        }
        committees.sort(Comparator.comparing(committee -> name(committee.host())));
        return committees;
    }

    List<Seminar> seminars(Committee committee) {
        return seminars().stream()
                .filter(seminar -> yearOf(seminar) == committee.year() && seminar.getHost() == committee.host())
                .sorted(Comparator.comparing(seminar -> Objects.toString(seminar.getTitle(), ""))).toList();
    }

    private List<Seminar> seminars() {
        List<Seminar> seminars = new ArrayList<>();
        repository.curricula().forEach(curriculum -> curriculum.getPlans()
                .forEach(plan -> seminars.addAll(plan.getSeminars())));
        return seminars;
    }

    static int yearOf(Seminar seminar) {
        return seminar.eContainer() instanceof FiscalYearPlan plan ? plan.getFiscalYear() : 0;
    }

    static String name(Organisation host) {
        return host == null || host.getName() == null ? "" : host.getName();
    }
}
