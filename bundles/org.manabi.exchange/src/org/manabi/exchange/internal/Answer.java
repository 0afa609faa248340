package org.manabi.exchange.internal;

/**
 * One answer as question banks write it: a text, the share of the marks it earns in percent (negative: it
 * costs), and the feedback shown to whoever gives it.
 *
 * @param tolerance for numeric answers, the accepted distance; 0 otherwise
 */
record Answer(String text, double weight, String feedback, double tolerance) {

    Answer(String text, double weight, String feedback) {
        this(text, weight, feedback, 0);
    }

    boolean fullMarks() {
        return Math.abs(weight - 100) < 0.01;
    }
}
