package org.manabi.quiz;

/**
 * What a participant may see of a submitted attempt, and from when. Before that moment nothing of
 * it is shown; afterwards only what the flags allow.
 */
public record Review(boolean showScore, boolean showCorrectness, boolean showRightAnswers, boolean showFeedback,
        When when) {

    /** When the review opens: right after submitting, once the quiz closes, or never. */
    public enum When {
        IMMEDIATELY, AFTER_CLOSE, NEVER
    }

    /** The model's defaults, for a quiz that says nothing about its review. */
    public static final Review DEFAULT = new Review(true, true, false, true, When.IMMEDIATELY);

    /** Whether a submitted attempt may be reviewed now, given whether the quiz has closed. */
    public boolean open(boolean quizClosed) {
        return switch (when) {
            case IMMEDIATELY -> true;
            case AFTER_CLOSE -> quizClosed;
            case NEVER -> false;
        };
    }
}
