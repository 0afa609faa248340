package org.manabi.store;

import java.time.Instant;

/**
 * One attempt at a quiz or survey.
 *
 * @param participant who takes it: {@code registration:<id>} (see {@link QuizAttempts#ofRegistration})
 * @param number 1 for a participant's first attempt at the paper
 * @param order the order of questions and choices drawn at the start, as stored
 * @param deadline after it no answer is saved; {@code null} without a time limit
 * @param submittedAt {@code null} while it is being worked on
 * @param late submitted (or closed by the server) after the deadline: graded on what was saved in time
 * @param points {@code null} until submitted
 * @param maxPoints {@code null} until submitted
 */
public record QuizAttempt(long id, String participant, String seminarId, String paperId, int number, String order,
        Instant startedAt, Instant deadline, Instant submittedAt, boolean late, Double points, Integer maxPoints) {

    public boolean submitted() {
        return submittedAt != null;
    }

    /** Whether the time is up at {@code now} (never, without a time limit). */
    public boolean overdue(Instant now) {
        return deadline != null && now.isAfter(deadline);
    }

    /** The score in percent of the points, or {@code null} before it is graded or for a survey. */
    public Double percent() {
        return points == null || maxPoints == null || maxPoints == 0 ? null : 100.0 * points / maxPoints;
    }
}
