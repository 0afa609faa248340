package org.manabi.quiz;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A seminar's quiz or survey as the server runs it: an immutable snapshot of the curriculum.
 *
 * @param id the quiz's or survey's stable id
 * @param seminarId the seminar it belongs to
 * @param graded a quiz ({@code true}) or a survey
 * @param attempts how many attempts a participant may start; 0 means unlimited
 * @param timeLimit {@code null} for no limit
 * @param passPercent the score, in percent of the points, that passes
 */
public record Paper(String id, String seminarId, String title, boolean graded, int attempts, Duration timeLimit,
        int passPercent, boolean shuffleQuestions, boolean shuffleChoices, Review review, List<Item> items) {

    public Paper {
        items = List.copyOf(items);
    }

    /** The item {@code id}. */
    public Optional<Item> item(String itemId) {
        return items.stream().filter(item -> item.id().equals(itemId)).findFirst();
    }

    /** The points a perfect attempt earns. */
    public int maxPoints() {
        return items.stream().mapToInt(Item::points).sum();
    }
}
