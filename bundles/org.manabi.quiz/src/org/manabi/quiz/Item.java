package org.manabi.quiz;

import java.math.BigDecimal;
import java.util.List;

/**
 * One question of a {@link Paper}, as an immutable snapshot of the curriculum's question: request
 * threads grade and render it while the workbench may edit the model. The keys (which choice is
 * right, the accepted answers, the numeric answer) live here and never leave the server before the
 * review the quiz allows.
 */
public sealed interface Item {

    /** The question's stable id (operational data points at it). */
    String id();

    String text();

    /** The points a right answer earns; 0 for the survey kinds. */
    int points();

    /** Shown after a wrong answer when the review allows; may be {@code null}. */
    String feedback();

    /** The slide pages that teach the answer. */
    List<Citation> citations();

    /** Whether the item is marked (quiz kinds) or only collected (Likert, free text). */
    default boolean graded() {
        return true;
    }

    /** The choices of a choice question, in authored order; empty for the other kinds. */
    default List<Choice> choices() {
        return List.of();
    }

    /** One right choice. */
    record SingleChoice(String id, String text, int points, String feedback, List<Citation> citations,
            List<Choice> choices) implements Item {
    }

    /**
     * Any set of choices. With partial credit each right choice picked earns its share of the points
     * and each wrong one picked costs as much, never below zero; without, only the exact set scores.
     */
    record MultipleChoice(String id, String text, int points, String feedback, List<Citation> citations,
            List<Choice> choices, boolean partialCredit) implements Item {
    }

    record TrueFalse(String id, String text, int points, String feedback, List<Citation> citations, boolean answer)
            implements Item {
    }

    /** Right when the number read is within {@code tolerance} of {@code answer}; {@code unit} may follow it. */
    record Numeric(String id, String text, int points, String feedback, List<Citation> citations, BigDecimal answer,
            BigDecimal tolerance, String unit) implements Item {
    }

    /** Right when the answer matches one accepted after {@link TextFolding folding}. */
    record ShortAnswer(String id, String text, int points, String feedback, List<Citation> citations,
            List<String> acceptedAnswers) implements Item {
    }

    /** A survey item: collected, never marked, no points, no feedback. */
    sealed interface Ungraded extends Item {
        @Override
        default int points() {
            return 0;
        }

        @Override
        default String feedback() {
            return null;
        }

        @Override
        default boolean graded() {
            return false;
        }
    }

    /** A survey scale 1..{@code scale}. */
    record Likert(String id, String text, List<Citation> citations, int scale, String lowLabel, String highLabel)
            implements Ungraded {
    }

    record FreeText(String id, String text, List<Citation> citations) implements Ungraded {
    }
}
