package org.manabi.quiz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item statistics of a quiz, as Moodle's quiz statistics report defines them, over one attempt per
 * participant (the caller picks which; Manabi uses each person's first submitted attempt, so that
 * retakes after reading the feedback do not flatter the items).
 * <ul>
 * <li><b>Facility index</b>: the mean fraction of the item's points earned, 0..1 (Moodle shows it
 * as a percentage).</li>
 * <li><b>Discrimination index</b>: the Pearson correlation between the points earned on the item
 * and the points earned on the rest of the quiz (the total without this item), -1..1; {@code null}
 * when either varies not at all (or fewer than two attempts), where it is undefined.</li>
 * <li><b>Pick frequency</b>: for each choice, in how many attempts it was picked.</li>
 * </ul>
 */
public final class ItemAnalysis {

    /** One participant's attempt: the response and the points per item id. */
    public record Attempt(Map<String, String> responses, Map<String, Double> points) {
    }

    /** The statistics of one item; {@code discrimination} may be {@code null}. */
    public record ItemStatistic(Item item, int attempts, double facility, Double discrimination,
            Map<String, Integer> picks) {
    }

    /** A slide page behind the hardest questions: its citation and the questions it should teach. */
    public record WeakSlide(Citation citation, double facility, List<ItemStatistic> questions) {
    }

    private ItemAnalysis() {
    }

    /** The statistics of every graded item of {@code paper}, in the paper's order. */
    public static List<ItemStatistic> analyse(Paper paper, List<Attempt> attempts) {
        List<ItemStatistic> statistics = new ArrayList<>();
        double[] totals = attempts.stream()
                .mapToDouble(a -> a.points().values().stream().mapToDouble(Double::doubleValue).sum()).toArray();
        for (Item item : paper.items()) {
            if (!item.graded()) {
                continue;
            }
            int n = attempts.size();
            double[] scores = new double[n];
            double[] rest = new double[n];
            Map<String, Integer> picks = new LinkedHashMap<>();
            item.choices().forEach(choice -> picks.put(choice.id(), 0));
            for (int i = 0; i < n; i++) {
                Attempt attempt = attempts.get(i);
                scores[i] = attempt.points().getOrDefault(item.id(), 0.0);
                rest[i] = totals[i] - scores[i];
                for (String picked : Grading.picked(attempt.responses().get(item.id()))) {
                    picks.computeIfPresent(picked, (id, count) -> count + 1);
                }
            }
            double facility = n == 0 || item.points() == 0 ? 0 : mean(scores) / item.points();
            statistics.add(new ItemStatistic(item, n, facility, correlation(scores, rest), picks));
        }
        return statistics;
    }

    /**
     * The cited slide pages ranked from the lowest facility up: a page's facility is the lowest
     * of the questions citing it. Questions without a citation are left out.
     */
    public static List<WeakSlide> weakestSlides(List<ItemStatistic> statistics) {
        Map<String, WeakSlide> slides = new LinkedHashMap<>();
        statistics.stream().filter(s -> s.attempts() > 0)
                .sorted(Comparator.comparingDouble(ItemStatistic::facility)).forEach(statistic -> {
                    for (Citation citation : statistic.item().citations()) {
                        String key = citation.deckId() + "#" + citation.page();
                        WeakSlide slide = slides.computeIfAbsent(key,
                                k -> new WeakSlide(citation, statistic.facility(), new ArrayList<>()));
                        slide.questions().add(statistic);
                    }
                });
        return List.copyOf(slides.values());
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static Double correlation(double[] x, double[] y) {
        if (x.length < 2) {
            return null;
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? null : sxy / Math.sqrt(sxx * syy);
    }
}
