package org.manabi.quiz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Marks answers. Pure: the same item and response give the same mark, on any node.
 * <p>
 * A response is the text a form or the API sends: the picked choice's id for a single choice, the
 * picked ids one per line for a multiple choice, {@code true}/{@code false}, the typed number or
 * text, the Likert step.
 */
public final class Grading {

    private Grading() {
    }

    /** The mark {@code response} earns on {@code item}; {@code null} or blank is unanswered. */
    public static Mark mark(Item item, String response) {
        if (!item.graded()) {
            return new Mark(0, 0, Mark.Verdict.UNGRADED);
        }
        if (response == null || response.isBlank()) {
            return new Mark(0, item.points(), Mark.Verdict.UNANSWERED);
        }
        int max = item.points();
        return switch (item) {
            case Item.SingleChoice single -> Mark.of(single.choices().stream()
                    .anyMatch(choice -> choice.correct() && choice.id().equals(response.strip())) ? max : 0, max);
            case Item.MultipleChoice multiple -> multiple(multiple, picked(response));
            case Item.TrueFalse trueFalse -> Mark.of(
                    truth(response) != null && truth(response) == trueFalse.answer() ? max : 0, max);
            case Item.Numeric numeric -> Mark.of(NumberReading.read(response, numeric.unit())
                    .filter(number -> within(number, numeric.answer(), numeric.tolerance())).isPresent() ? max : 0,
                    max);
            case Item.ShortAnswer shortAnswer -> Mark.of(shortAnswer.acceptedAnswers().stream()
                    .map(TextFolding::fold).anyMatch(TextFolding.fold(response)::equals) ? max : 0, max);
            case Item.Likert likert -> throw new IllegalStateException("not graded");
            case Item.FreeText freeText -> throw new IllegalStateException("not graded");
        };
    }

    /** The choice ids of a multiple-choice response, in order, once each. */
    public static List<String> picked(String response) {
        Set<String> ids = new LinkedHashSet<>();
        if (response != null) {
            for (String line : response.split("\n")) {
                if (!line.isBlank()) {
                    ids.add(line.strip());
                }
            }
        }
        return new ArrayList<>(ids);
    }

    /** The response of picking {@code ids} in a multiple choice. */
    public static String multipleResponse(List<String> ids) {
        return String.join("\n", new LinkedHashSet<>(ids));
    }

    private static Mark multiple(Item.MultipleChoice item, List<String> picked) {
        long correct = item.choices().stream().filter(Choice::correct).count();
        long rightPicked = item.choices().stream().filter(c -> c.correct() && picked.contains(c.id())).count();
        long wrongPicked = item.choices().stream().filter(c -> !c.correct() && picked.contains(c.id())).count();
        int max = item.points();
        if (!item.partialCredit() || correct == 0) {
            return Mark.of(rightPicked == correct && wrongPicked == 0 ? max : 0, max);
        }
        double share = (double) max / correct;
        double points = Math.max(0, (rightPicked - wrongPicked) * share);
        // (right - wrong) * max / correct is exact for the whole-choice case; keep max exact too
        return Mark.of(rightPicked - wrongPicked == correct ? max : points, max);
    }

    private static Boolean truth(String response) {
        return switch (TextFolding.fold(response)) {
            case "true", "t", "o", "○", "〇", "はい", "正", "正しい" -> Boolean.TRUE;
            case "false", "f", "x", "×", "✕", "いいえ", "誤", "誤り" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static boolean within(BigDecimal number, BigDecimal answer, BigDecimal tolerance) {
        return answer != null && number.subtract(answer).abs().compareTo(tolerance.abs()) <= 0;
    }
}
