package org.manabi.server.internal;

import java.util.List;
import java.util.Optional;

import org.manabi.quiz.Paper;
import org.manabi.server.Catalogue;
import org.manabi.store.QuizAttempt;
import org.manabi.store.QuizAttempts;
import org.manabi.store.StoreException;

/**
 * Whether a participant passed a seminar's quiz, for the certificate rule: from the attempts the
 * quiz pages record under the registration (a best submitted score at or above the quiz's pass
 * mark). Quizzes are taken under a registration, so a viewing ID alone has no result.
 */
final class QuizPassing {

    private final Catalogue catalogue;
    private final QuizAttempts attempts;

    QuizPassing(Catalogue catalogue, QuizAttempts attempts) {
        this.catalogue = catalogue;
        this.attempts = attempts;
    }

    /**
     * @return whether the registration passed the quiz of {@code seminarId}; empty when it has
     *         submitted no attempt (or there is no registration, or no published quiz)
     */
    Optional<Boolean> passed(String seminarId, Long registrationId) throws StoreException {
        Optional<Paper> quiz = catalogue.quiz(seminarId);
        if (registrationId == null || quiz.isEmpty()) {
            return Optional.empty();
        }
        List<QuizAttempt> submitted = attempts.of(QuizAttempts.ofRegistration(registrationId), quiz.get().id()).stream()
                .filter(QuizAttempt::submitted).toList();
        if (submitted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(submitted.stream().anyMatch(a -> a.percent() != null && a.percent() >= quiz.get().passPercent()));
    }
}
