package org.manabi.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The parts of a video someone has watched, in milliseconds: sorted, disjoint, non-touching
 * intervals {@code [start, end)}. Immutable; {@link #toString()} is the stored form
 * {@code "0-4000,6000-8000"}.
 */
public final class WatchedIntervals {

    /** A watched part, {@code start} inclusive, {@code end} exclusive, in milliseconds. */
    public record Interval(long start, long end) {

        public Interval {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("an interval runs forwards from 0: " + start + "-" + end);
            }
        }

        public long length() {
            return end - start;
        }
    }

    public static final WatchedIntervals NONE = new WatchedIntervals(List.of());

    private final List<Interval> parts;

    private WatchedIntervals(List<Interval> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Any intervals, clipped to {@code [0, durationMs)}, merged where they overlap or touch. */
    public static WatchedIntervals of(List<Interval> intervals, long durationMs) {
        List<Interval> sorted = new ArrayList<>();
        for (Interval interval : intervals) {
            long start = Math.min(interval.start(), durationMs);
            long end = Math.min(interval.end(), durationMs);
            if (end > start) {
                sorted.add(new Interval(start, end));
            }
        }
        sorted.sort(Comparator.comparingLong(Interval::start));
        List<Interval> merged = new ArrayList<>();
        for (Interval next : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && next.start() <= last.end()) {
                merged.set(merged.size() - 1, new Interval(last.start(), Math.max(last.end(), next.end())));
            } else {
                merged.add(next);
            }
        }
        return new WatchedIntervals(merged);
    }

    /** The stored form; an empty text is no interval. */
    public static WatchedIntervals parse(String text, long durationMs) {
        List<Interval> intervals = new ArrayList<>();
        if (!text.isBlank()) {
            for (String part : text.split(",")) {
                int dash = part.indexOf('-');
                intervals.add(new Interval(Long.parseLong(part.substring(0, dash)), Long.parseLong(part.substring(dash + 1))));
            }
        }
        return of(intervals, durationMs);
    }

    public List<Interval> parts() {
        return parts;
    }

    /** How much is covered, in milliseconds. */
    public long covered() {
        return parts.stream().mapToLong(Interval::length).sum();
    }

    /** The end of the last watched part: how far into the video anyone watched. */
    public long furthest() {
        return parts.isEmpty() ? 0 : parts.get(parts.size() - 1).end();
    }

    /** How much of {@code [start, end)} is covered, in milliseconds. */
    public long coveredWithin(long start, long end) {
        long sum = 0;
        for (Interval part : parts) {
            sum += Math.max(0, Math.min(end, part.end()) - Math.max(start, part.start()));
        }
        return sum;
    }

    /**
     * These intervals with those of {@code reported} added, but at most {@code allowance}
     * milliseconds of new coverage: the new parts are taken from the earliest on, the last one cut
     * short where the allowance ends.
     */
    public WatchedIntervals plus(WatchedIntervals reported, long allowance, long durationMs) {
        List<Interval> all = new ArrayList<>(parts);
        long left = Math.max(0, allowance);
        for (Interval interval : reported.parts) {
            if (left == 0) {
                break;
            }
            // walk the reported part, skipping what is already covered, adding the gaps while allowed
            long cursor = interval.start();
            for (Interval have : parts) {
                if (have.end() <= cursor || left == 0) {
                    continue;
                }
                if (have.start() >= interval.end()) {
                    break;
                }
                if (have.start() > cursor) {
                    long take = Math.min(have.start() - cursor, left);
                    all.add(new Interval(cursor, cursor + take));
                    left -= take;
                }
                cursor = Math.max(cursor, have.end());
            }
            if (left > 0 && cursor < interval.end()) {
                long take = Math.min(interval.end() - cursor, left);
                all.add(new Interval(cursor, cursor + take));
                left -= take;
            }
        }
        return of(all, durationMs);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Interval part : parts) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(part.start()).append('-').append(part.end());
        }
        return text.toString();
    }
}
