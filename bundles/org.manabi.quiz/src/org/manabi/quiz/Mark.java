package org.manabi.quiz;

/**
 * What one answer earned.
 *
 * @param points earned, 0..{@code max}
 * @param max the item's points
 */
public record Mark(double points, int max, Verdict verdict) {

    /** How an answer is judged. */
    public enum Verdict {
        /** Full points. */
        RIGHT,
        /** Some points, not all (multiple choice with partial credit). */
        PARTIAL,
        /** No points for an answer given. */
        WRONG,
        /** No answer given: no points. */
        UNANSWERED,
        /** A survey item: collected, not marked. */
        UNGRADED
    }

    static Mark of(double points, int max) {
        Verdict verdict = points >= max ? Verdict.RIGHT : points > 0 ? Verdict.PARTIAL : Verdict.WRONG;
        return new Mark(points, max, verdict);
    }
}
