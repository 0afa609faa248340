package org.manabi.server.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.manabi.quiz.Grading;
import org.manabi.quiz.Item;
import org.manabi.quiz.Mark;
import org.manabi.quiz.Order;
import org.manabi.quiz.Paper;
import org.manabi.server.Catalogue;
import org.manabi.server.Catalogue.Offer;
import org.manabi.store.AttemptLimitException;
import org.manabi.store.QuizAttempt;
import org.manabi.store.QuizAttempts;
import org.manabi.store.QuizAttempts.Grade;
import org.manabi.store.QuizAttempts.Saved;
import org.manabi.store.Registration;
import org.manabi.store.RegistrationStatus;
import org.manabi.store.Registrations;
import org.manabi.store.StoreException;

/**
 * Taking quizzes and surveys, for the HTML pages and the JSON API alike: who may take which paper,
 * starting, saving, submitting and grading attempts, and when a review opens.
 * <p>
 * Who takes a paper is a {@link Taker}: today a confirmed registration found by its personal token.
 * A VOD viewing ID (issue #8) becomes another way to find a taker, with its own participant key
 * ({@link QuizAttempts}); everything after {@link #taker} stays the same.
 * <p>
 * A quiz closes when the seminar's VOD window closes, or, without one, at the end of the day (Tokyo)
 * of its last session; a seminar with neither never closes. After it closes no attempt starts and
 * reviews set to "after close" open.
 * <p>
 * The time limit: the deadline is fixed in the store when the attempt starts. Answers are saved only
 * up to it; a submission after it (or the server closing an overdue attempt when anyone next looks
 * at it) grades what was saved in time and marks the attempt late. Nothing sent after the deadline
 * is ever counted, and the participant is told so.
 */
final class QuizDesk {

    /** Quizzes or surveys. */
    enum Kind {
        QUIZ, SURVEY;

        String path() {
            return this == QUIZ ? "quiz" : "survey";
        }
    }

    /** Someone allowed to take {@code paper} of {@code offer}. */
    record Taker(String participant, Registration registration, Offer offer, Paper paper) {
    }

    /** Why an attempt cannot start. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        final String key;

        Refused(String key) {
            super(key);
            this.key = key;
        }
    }

    private final Catalogue catalogue;
    private final Registrations registrations;
    private final QuizAttempts attempts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    QuizDesk(Catalogue catalogue, Registrations registrations, QuizAttempts attempts, Clock clock) {
        this.catalogue = catalogue;
        this.registrations = registrations;
        this.attempts = attempts;
        this.clock = clock;
    }

    QuizAttempts attempts() {
        return attempts;
    }

    Clock clock() {
        return clock;
    }

    /** The taker of {@code kind} behind the personal token, if its registration is confirmed and the seminar has one. */
    Optional<Taker> taker(String token, Kind kind) throws StoreException {
        Optional<Registration> registration = registrations.find(token);
        if (registration.isEmpty() || registration.get().status() != RegistrationStatus.CONFIRMED) {
            return Optional.empty();
        }
        String seminarId = registration.get().seminarId();
        Optional<Offer> offer = catalogue.offer(seminarId);
        Optional<Paper> paper = kind == Kind.QUIZ ? catalogue.quiz(seminarId) : catalogue.survey(seminarId);
        if (offer.isEmpty() || paper.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Taker(QuizAttempts.ofRegistration(registration.get().id()), registration.get(),
                offer.get(), paper.get()));
    }

    /** When the seminar's quiz closes, or {@code null} when it never does. */
    static Instant closes(Offer offer) {
        if (offer.vodCloses() != null) {
            return offer.vodCloses().atZone(Catalogue.ZONE).toInstant();
        }
        if (offer.end() != null) {
            return offer.end().toLocalDate().atTime(LocalTime.MAX).atZone(Catalogue.ZONE).toInstant();
        }
        return null;
    }

    boolean closed(Offer offer) {
        Instant closes = closes(offer);
        return closes != null && clock.instant().isAfter(closes);
    }

    /** The taker's attempts, first first; an open attempt whose time is up is submitted (late) first. */
    List<QuizAttempt> attemptsOf(Taker taker) throws StoreException {
        List<QuizAttempt> all = new ArrayList<>();
        for (QuizAttempt attempt : attempts.of(taker.participant(), taker.paper().id())) {
            all.add(closeIfOverdue(taker, attempt));
        }
        return all;
    }

    /** The taker's attempt {@code number}, closed first if its time is up. */
    Optional<QuizAttempt> attempt(Taker taker, int number) throws StoreException {
        return attemptsOf(taker).stream().filter(a -> a.number() == number).findFirst();
    }

    /** An attempt to work on, and whether it was started now (or was open already). */
    record Started(QuizAttempt attempt, boolean created) {
    }

    /** The open attempt, or a new one if the quiz allows one more. */
    Started start(Taker taker) throws StoreException, Refused {
        List<QuizAttempt> made = attemptsOf(taker);
        if (closed(taker.offer())) {
            throw new Refused("quiz_closed");
        }
        Paper paper = taker.paper();
        try {
            QuizAttempt attempt = attempts.start(taker.participant(), taker.offer().id(), paper.id(), paper.attempts(),
                    paper.timeLimit(), () -> Order.draw(paper, random).encode());
            return new Started(attempt, made.stream().noneMatch(earlier -> earlier.id() == attempt.id()));
        } catch (AttemptLimitException e) {
            throw new Refused("quiz_no_attempts_left");
        }
    }

    /** Whether the taker may start an attempt now (none open, attempts left, not closed). */
    boolean canStart(Taker taker, List<QuizAttempt> made) {
        int limit = taker.paper().attempts();
        return !closed(taker.offer()) && (limit == 0 || made.size() < limit || made.stream().anyMatch(a -> !a.submitted()));
    }

    /**
     * Saves {@code responses} of items of the paper; responses to items it does not have are left
     * out, and a choice response is kept only with ids of the item's choices.
     */
    Saved save(Taker taker, QuizAttempt attempt, Map<String, String> responses) throws StoreException {
        Map<String, String> valid = valid(taker, responses);
        if (valid.isEmpty()) {
            return attempt.submitted() ? Saved.SUBMITTED : attempt.overdue(clock.instant()) ? Saved.TOO_LATE
                    : Saved.SAVED;
        }
        return attempts.save(attempt.id(), valid);
    }

    /** Saves the last responses (when still in time), then grades what is saved. */
    Submitted submit(Taker taker, QuizAttempt attempt, Map<String, String> responses) throws StoreException {
        QuizAttempts.Submitted submitted = attempts.submit(attempt.id(), valid(taker, responses),
                taker.paper().maxPoints(), marker(taker.paper()));
        // answers sent with a submission after the deadline are not counted: say so
        return new Submitted(submitted.attempt(), !responses.isEmpty() && submitted.responses() != Saved.SAVED
                && submitted.attempt().late());
    }

    /** A submitted attempt, and whether answers sent with the submission came too late to count. */
    record Submitted(QuizAttempt attempt, boolean answersTooLate) {
    }

    /** Whether the participant may now see the review of {@code attempt}. */
    boolean reviewOpen(Taker taker, QuizAttempt attempt) {
        return taker.paper().graded() && attempt.submitted() && taker.paper().review().open(closed(taker.offer()));
    }

    private QuizAttempt closeIfOverdue(Taker taker, QuizAttempt attempt) throws StoreException {
        return !attempt.submitted() && attempt.overdue(clock.instant()) ? grade(taker, attempt) : attempt;
    }

    private QuizAttempt grade(Taker taker, QuizAttempt attempt) throws StoreException {
        return attempts.submit(attempt.id(), taker.paper().maxPoints(), marker(taker.paper()));
    }

    private static QuizAttempts.Marker marker(Paper paper) {
        return (itemId, response) -> {
            Optional<Item> item = paper.item(itemId);
            if (item.isEmpty()) {
                // removed from the curriculum since the answer was saved: it earns nothing
                return new Grade(0, Mark.Verdict.UNGRADED.name());
            }
            Mark mark = Grading.mark(item.get(), response);
            return new Grade(mark.points(), mark.verdict().name());
        };
    }

    /** The responses to items of the paper, cleaned: choice responses keep only the item's choice ids. */
    private static Map<String, String> valid(Taker taker, Map<String, String> responses) {
        Map<String, String> valid = new LinkedHashMap<>();
        responses.forEach((itemId, response) -> taker.paper().item(itemId)
                .ifPresent(item -> valid.put(itemId, clean(item, response))));
        return valid;
    }

    private static String clean(Item item, String response) {
        String text = response == null ? "" : response.strip();
        if (item.choices().isEmpty()) {
            return text.length() > 2000 ? text.substring(0, 2000) : text;
        }
        List<String> ids = Grading.picked(text).stream()
                .filter(id -> item.choices().stream().anyMatch(choice -> choice.id().equals(id))).toList();
        return item instanceof Item.SingleChoice ? ids.stream().findFirst().orElse("") : Grading.multipleResponse(ids);
    }
}
