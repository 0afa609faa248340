package org.manabi.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.manabi.content.ContentRepository;
import org.manabi.model.FiscalYearPlan;
import org.manabi.model.Organisation;
import org.manabi.model.Seminar;

/**
 * The two levels the committee thinks in above the seminars, across all content files: fiscal years,
 * then the committees hosting seminars in that year. They are derived from the model, grouped again
 * after each change (a seminar moved to another year or host moves in the tree), and compare by
 * value, so the tree keeps what was expanded when it refreshes.
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
    /** Year → committees (sorted) → seminars (sorted), built on first use after each change. */
    private Map<Integer, Map<Committee, List<Seminar>>> index;

    ExplorerNodes(ContentRepository repository) {
        this.repository = repository;
    }

    /**
     * Forgets the grouping after the model changed. The tree asks for each node's children as it
     * expands; grouping once per change, not once per node asked, keeps that linear in the seminars.
     */
    void invalidate() {
        index = null;
    }

    /** Newest first: the year being planned is the one worked on. */
    List<FiscalYear> years() {
        return index().keySet().stream().map(FiscalYear::new).toList();
    }

    List<Committee> committees(FiscalYear year) {
        return List.copyOf(index().getOrDefault(year.year(), Map.of()).keySet());
    }

    List<Seminar> seminars(Committee committee) {
        return index().getOrDefault(committee.year(), Map.of()).getOrDefault(committee, List.of());
    }

    private Map<Integer, Map<Committee, List<Seminar>>> index() {
        if (index == null) {
            Map<Integer, Map<Committee, List<Seminar>>> years = new TreeMap<>(Comparator.reverseOrder());
            repository.curricula().forEach(curriculum -> curriculum.getPlans().forEach(plan -> plan.getSeminars()
                    .forEach(seminar -> years.computeIfAbsent(yearOf(seminar), year -> new LinkedHashMap<>())
                            .computeIfAbsent(new Committee(yearOf(seminar), seminar.getHost()),
                                    committee -> new ArrayList<>())
                            .add(seminar))));
            Comparator<Seminar> byTitle = Comparator.comparing(seminar -> Objects.toString(seminar.getTitle(), ""));
            years.replaceAll((year, committees) -> {
                Map<Committee, List<Seminar>> sorted = new LinkedHashMap<>();
                committees.entrySet().stream().sorted(Comparator.comparing(entry -> name(entry.getKey().host())))
                        .forEach(entry -> sorted.put(entry.getKey(),
                                entry.getValue().stream().sorted(byTitle).toList()));
                return sorted;
            });
            index = years;
        }
        return index;
    }

    static int yearOf(Seminar seminar) {
        return seminar.eContainer() instanceof FiscalYearPlan plan ? plan.getFiscalYear() : 0;
    }

    static String name(Organisation host) {
        return host == null || host.getName() == null ? "" : host.getName();
    }
}
