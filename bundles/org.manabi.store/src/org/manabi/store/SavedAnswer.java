package org.manabi.store;

import java.time.Instant;

/**
 * An answer saved in an attempt.
 *
 * @param response as sent (see {@code org.manabi.quiz.Grading})
 * @param points {@code null} until the attempt is graded
 * @param verdict {@code null} until the attempt is graded
 */
public record SavedAnswer(String itemId, String response, Instant savedAt, Double points, String verdict) {
}
