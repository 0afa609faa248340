package org.manabi.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.manabi.quiz.Paper;
import org.manabi.server.Catalogue;
import org.manabi.store.QuizAttempt;
import org.manabi.store.QuizAttempts;
import org.manabi.store.StoreException;

/**
 * Whether a participant passed a seminar's quiz, for the certificate rule: from the attempts the
 * quiz pages record (a best submitted score at or above the quiz's pass mark), under the
 * registration, or under a viewing ID requested without registering ({@link QuizDesk}).
 */
final class QuizPassing {

    private final Catalogue catalogue;
    private final QuizAttempts attempts;

    QuizPassing(Catalogue catalogue, QuizAttempts attempts) {
        this.catalogue = catalogue;
        this.attempts = attempts;
    }

    /**
     * @param participants the participant keys of one holder ({@link QuizAttempts#ofRegistration},
     *                     {@link QuizAttempts#ofViewingId})
     * @return whether any of them passed the quiz of {@code seminarId}; empty when none has submitted
     *         an attempt (or there is no quiz)
     */
    Optional<Boolean> passed(String seminarId, List<String> participants) throws StoreException {
        Optional<Paper> quiz = catalogue.quiz(seminarId);
        if (participants.isEmpty() || quiz.isEmpty()) {
            return Optional.empty();
        }
        List<QuizAttempt> submitted = new ArrayList<>();
        for (String participant : participants) {
            attempts.of(participant, quiz.get().id()).stream().filter(QuizAttempt::submitted).forEach(submitted::add);
        }
        if (submitted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(submitted.stream().anyMatch(a -> a.percent() != null && a.percent() >= quiz.get().passPercent()));
    }
}
