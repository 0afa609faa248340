package org.manabi.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.manabi.store.WatchedIntervals;
import org.manabi.store.WatchedIntervals.Interval;

class WatchedIntervalsTest {

    @Test
    void overlappingAndTouchingPartsMergeAndAreClippedToTheVideo() {
        WatchedIntervals watched = WatchedIntervals.of(List.of(new Interval(5000, 9000), new Interval(0, 2000),
                new Interval(2000, 3000), new Interval(8000, 12000)), 10_000);

        assertEquals("0-3000,5000-10000", watched.toString());
        assertEquals(8000, watched.covered());
        assertEquals(10_000, watched.furthest());
        assertEquals(2000, watched.coveredWithin(2000, 6000));
    }

    @Test
    void theStoredFormReadsBackTheSame() {
        WatchedIntervals watched = WatchedIntervals.parse("0-3000,5000-10000", 10_000);

        assertEquals("0-3000,5000-10000", watched.toString());
        assertEquals("", WatchedIntervals.parse("", 10_000).toString());
    }

    @Test
    void anAllowanceAddsTheEarliestNewPartsAndCutsTheLastShort() {
        WatchedIntervals had = WatchedIntervals.of(List.of(new Interval(2000, 4000)), 20_000);
        WatchedIntervals reported = WatchedIntervals.of(List.of(new Interval(0, 10_000)), 20_000);

        // 0-2000 is new (2 s), 2000-4000 was had, then 4000-7000 uses the last 3 s
        assertEquals("0-7000", had.plus(reported, 5000, 20_000).toString());
        assertEquals("2000-4000", had.plus(reported, 0, 20_000).toString());
        assertEquals("0-10000", had.plus(reported, 60_000, 20_000).toString());
    }
}
