package org.manabi.quiz.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.manabi.quiz.Choice;
import org.manabi.quiz.Citation;
import org.manabi.quiz.Item;
import org.manabi.quiz.ItemAnalysis;
import org.manabi.quiz.ItemAnalysis.Attempt;
import org.manabi.quiz.ItemAnalysis.ItemStatistic;
import org.manabi.quiz.ItemAnalysis.WeakSlide;
import org.manabi.quiz.Paper;
import org.manabi.quiz.Review;

/**
 * Four people, three one-point questions, worked out by hand:
 *
 * <pre>
 *        q1 q2 q3 total
 * A       1  1  1   3
 * B       1  0  1   2
 * C       0  1  0   1
 * D       0  0  0   0
 * </pre>
 * q1: facility 2/4 = 0.5; rest of test (total - q1) = 2,1,1,0, mean 1; deviations of q1 .5,.5,-.5,-.5,
 * of rest 1,0,0,-1: Sxy = 1, Sxx = 1, Syy = 2, r = 1/sqrt(2) = 0.7071. q2: rest 2,2,0,0, deviations
 * of q2 .5,-.5,.5,-.5: Sxy = 0, r = 0. q3 as q1. A fourth question everybody got right has no
 * discrimination (no variance).
 */
class ItemAnalysisTest {

    private static final Citation Q1_SLIDE = new Citation("deck", "Basics", Path.of("basics.pdf"), 3);
    private static final Citation Q2_SLIDE = new Citation("deck", "Basics", Path.of("basics.pdf"), 8);

    private final Paper paper = new Paper("quiz", "seminar", "Quiz", true, 1, null, 60, false, false, Review.DEFAULT,
            List.of(new Item.Numeric("q1", "?", 1, null, List.of(Q1_SLIDE), BigDecimal.ONE, BigDecimal.ZERO, null),
                    new Item.SingleChoice("q2", "?", 1, null, List.of(Q2_SLIDE),
                            List.of(new Choice("a", "A", true, null), new Choice("b", "B", false, null),
                                    new Choice("c", "C", false, null))),
                    new Item.TrueFalse("q3", "?", 1, null, List.of(Q1_SLIDE), true),
                    new Item.TrueFalse("q4", "?", 1, null, List.of(), true),
                    new Item.FreeText("comment", "?", List.of())));

    private static Attempt attempt(double q1, String q2, double q2Points, double q3) {
        return new Attempt(Map.of("q2", q2), Map.of("q1", q1, "q2", q2Points, "q3", q3, "q4", 1.0));
    }

    private final List<Attempt> attempts = List.of(attempt(1, "a", 1, 1), attempt(1, "b", 0, 1),
            attempt(0, "a", 1, 0), attempt(0, "", 0, 0));

    @Test
    void facilityAndDiscriminationAsComputedByHand() {
        List<ItemStatistic> statistics = ItemAnalysis.analyse(paper, attempts);
        assertEquals(List.of("q1", "q2", "q3", "q4"), statistics.stream().map(s -> s.item().id()).toList(),
                "survey items are not analysed");
        ItemStatistic q1 = statistics.get(0);
        assertEquals(4, q1.attempts());
        assertEquals(0.5, q1.facility(), 1e-12);
        assertEquals(1 / Math.sqrt(2), q1.discrimination(), 1e-12);
        assertEquals(0.5, statistics.get(1).facility(), 1e-12);
        assertEquals(0.0, statistics.get(1).discrimination(), 1e-12);
        assertEquals(1 / Math.sqrt(2), statistics.get(2).discrimination(), 1e-12);
        assertEquals(1.0, statistics.get(3).facility(), 1e-12);
        assertNull(statistics.get(3).discrimination(), "no variance, no discrimination");
    }

    @Test
    void howOftenEachChoiceWasPicked() {
        ItemStatistic q2 = ItemAnalysis.analyse(paper, attempts).get(1);
        assertEquals(Map.of("a", 2, "b", 1, "c", 0), q2.picks());
        assertEquals(List.of("a", "b", "c"), List.copyOf(q2.picks().keySet()), "in the authored order");
    }

    @Test
    void theSlidesBehindTheHardestQuestionsComeFirst() {
        List<Attempt> harder = List.of(attempt(0, "a", 1, 1), attempt(0, "b", 0, 1), attempt(1, "a", 1, 1),
                attempt(0, "a", 1, 1));
        List<WeakSlide> slides = ItemAnalysis.weakestSlides(ItemAnalysis.analyse(paper, harder));
        assertEquals(List.of(3, 8), slides.stream().map(s -> s.citation().page()).toList());
        assertEquals(0.25, slides.get(0).facility(), 1e-12);
        assertEquals(List.of("q1", "q3"), slides.get(0).questions().stream().map(s -> s.item().id()).toList());
        assertEquals(0.75, slides.get(1).facility(), 1e-12);
    }

    @Test
    void noAttemptsNoFigures() {
        ItemStatistic q1 = ItemAnalysis.analyse(paper, List.of()).get(0);
        assertEquals(0, q1.attempts());
        assertNull(q1.discrimination());
        assertEquals(List.of(), ItemAnalysis.weakestSlides(ItemAnalysis.analyse(paper, List.of())));
    }
}
