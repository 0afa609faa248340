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
import org.manabi.server.VodLibrary;
import org.manabi.store.AttemptLimitException;
import org.manabi.store.QuizAttempt;
import org.manabi.store.QuizAttempts;
import org.manabi.store.QuizAttempts.Grade;
import org.manabi.store.QuizAttempts.Saved;
import org.manabi.store.Registration;
import org.manabi.store.RegistrationStatus;
import org.manabi.store.Registrations;
import org.manabi.store.SavedAnswer;
import org.manabi.store.StoreException;
import org.manabi.store.ViewingId;
import org.manabi.store.ViewingIds;

/**
 * Taking quizzes and surveys, for the HTML pages and the JSON API alike: who may take which paper,
 * starting, saving, submitting and grading attempts, and when a review opens.
 * <p>
 * Who takes a paper is a {@link Taker}, found by what the participant holds ({@link #taker}): the
 * personal token of a confirmed registration, or a VOD viewing ID. An ID issued to a registration
 * takes the quiz as that registration (one participant, one count of attempts); an ID requested
 * without registering takes it under its own participant key ({@link QuizAttempts#ofViewingId}).
 * <p>
 * When a paper is open: from the seminar's publication until it closes — when the seminar's VOD
 * window closes, or, without one, at the end of the day (Tokyo) of its last session; a seminar with
 * neither never closes. Marking the seminar closed or held changes nothing: participants take the
 * quiz at the end of the seminar and after it. A cancelled or waiting registration takes nothing. A
 * viewing ID opens the paper only as it opens the videos ({@link ViewingAccess}): from the window's
 * opening, and not after the window or the ID's own expiry, whichever comes first. After the close
 * no attempt starts and reviews set to "after close" open.
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

    /**
     * Someone allowed to take {@code paper} of {@code offer}.
     *
     * @param participant the key their attempts are stored under
     * @param key         what they hold, as it stands in the paper's address ({@code /quiz/<key>}):
     *                    the personal token or the viewing ID
     * @param back        the page the paper was reached from: the personal page or the videos
     * @param opens       when they may first start an attempt, or {@code null}: now
     * @param closes      when the paper closes for them, or {@code null}: never
     */
    record Taker(String participant, String key, String back, Offer offer, Paper paper, Instant opens,
            Instant closes) {
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
    private final ViewingIds viewingIds;
    private final VodLibrary library;
    private final QuizAttempts attempts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    QuizDesk(Catalogue catalogue, Registrations registrations, ViewingIds viewingIds, VodLibrary library,
            QuizAttempts attempts, Clock clock) {
        this.catalogue = catalogue;
        this.registrations = registrations;
        this.viewingIds = viewingIds;
        this.library = library;
        this.attempts = attempts;
        this.clock = clock;
    }

    QuizAttempts attempts() {
        return attempts;
    }

    Clock clock() {
        return clock;
    }

    /**
     * The taker of {@code kind} behind {@code key}: the personal token of a confirmed registration, or
     * an issued viewing ID of a seminar with a paper of that kind (see the class comment for when it
     * opens); empty for anything else.
     */
    Optional<Taker> taker(String key, Kind kind) throws StoreException {
        // every quiz request comes here: only the three columns it needs, no personal data
        Optional<Registrations.Holder> holder = registrations.holder(key);
        if (holder.isPresent()) {
            return ofRegistration(holder.get().id(), holder.get().seminarId(), holder.get().status(), kind, key,
                    "/r/" + key, null, null);
        }
        Optional<ViewingId> viewingId = viewingIds.find(key);
        ViewingAccess access = ViewingAccess.of(viewingId, null, library, clock.instant());
        if (access.course() == null || access.verdict() == ViewingAccess.Verdict.UNKNOWN) {
            return Optional.empty();
        }
        ViewingId id = access.id();
        String code = id.code();
        Instant opens = access.course().opens() == null ? null
                : access.course().opens().atZone(Catalogue.ZONE).toInstant();
        // the window's last minute counts, as for the videos; an ID's own expiry may come first
        Instant closes = earliest(access.course().closes() == null ? null
                : access.course().closes().plusMinutes(1).atZone(Catalogue.ZONE).toInstant(), id.expiresAt());
        if (id.registrationId() != null) {
            Optional<Registration> registered = registrations.byId(id.registrationId());
            return registered.isEmpty() ? Optional.empty()
                    : ofRegistration(registered.get().id(), registered.get().seminarId(), registered.get().status(),
                            kind, code, "/vod/" + code, opens, closes);
        }
        return paperOf(id.seminarId(), kind).map(paper -> new Taker(QuizAttempts.ofViewingId(id.id()), code,
                "/vod/" + code, paper.offer(), paper.paper(), opens, earliest(closes, closes(paper.offer()))));
    }

    private Optional<Taker> ofRegistration(long registrationId, String seminarId, RegistrationStatus status, Kind kind,
            String key, String back, Instant opens, Instant closes) {
        if (status != RegistrationStatus.CONFIRMED) {
            return Optional.empty();
        }
        return paperOf(seminarId, kind).map(paper -> new Taker(
                QuizAttempts.ofRegistration(registrationId), key, back, paper.offer(), paper.paper(), opens,
                earliest(closes, closes(paper.offer()))));
    }

    private record OfferedPaper(Offer offer, Paper paper) {
    }

    /** The seminar's paper of {@code kind}, published or since closed or held. */
    private Optional<OfferedPaper> paperOf(String seminarId, Kind kind) {
        Optional<Offer> offer = catalogue.taught(seminarId);
        Optional<Paper> paper = kind == Kind.QUIZ ? catalogue.quiz(seminarId) : catalogue.survey(seminarId);
        return offer.isEmpty() || paper.isEmpty() ? Optional.empty()
                : Optional.of(new OfferedPaper(offer.get(), paper.get()));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
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

    /** Whether the paper has closed for the taker. */
    boolean closed(Taker taker) {
        return taker.closes() != null && clock.instant().isAfter(taker.closes());
    }

    /** Whether the paper is yet to open for the taker (a viewing ID before its window). */
    boolean notYetOpen(Taker taker) {
        return taker.opens() != null && clock.instant().isBefore(taker.opens());
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

    /**
     * An attempt to work on, whether it was started now (or was open already), and its saved answers
     * (none for a new attempt: nothing is read for them).
     */
    record Started(QuizAttempt attempt, boolean created, Map<String, SavedAnswer> answers) {
    }

    /** The open attempt, or a new one if the quiz allows one more; an open attempt whose time is up is submitted (late) first. */
    Started start(Taker taker) throws StoreException, Refused {
        if (closed(taker)) {
            throw new Refused("quiz_closed");
        }
        if (notYetOpen(taker)) {
            throw new Refused("quiz_not_open_yet");
        }
        try {
            QuizAttempts.Started started = startOrContinue(taker);
            if (!started.created() && started.attempt().overdue(clock.instant())) {
                grade(taker, started.attempt());
                started = startOrContinue(taker);
            }
            return new Started(started.attempt(), started.created(),
                    started.created() ? Map.of() : attempts.answers(started.attempt().id()));
        } catch (AttemptLimitException e) {
            throw new Refused("quiz_no_attempts_left");
        }
    }

    private QuizAttempts.Started startOrContinue(Taker taker) throws StoreException {
        Paper paper = taker.paper();
        return attempts.startOrContinue(taker.participant(), taker.offer().id(), paper.id(), paper.attempts(),
                paper.timeLimit(), () -> Order.draw(paper, random).encode());
    }

    /** Whether the taker may start an attempt now (none open, attempts left, not closed). */
    boolean canStart(Taker taker, List<QuizAttempt> made) {
        int limit = taker.paper().attempts();
        return !closed(taker) && !notYetOpen(taker) && (limit == 0 || made.size() < limit || made.stream().anyMatch(a -> !a.submitted()));
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
        return submitted(responses, attempts.submit(attempt.id(), valid(taker, responses), taker.paper().maxPoints(),
                marker(taker.paper())));
    }

    /**
     * As {@link #submit(Taker, QuizAttempt, Map)} for the taker's attempt {@code number}, found in the
     * submit's own transaction; empty when the taker has no such attempt.
     */
    Optional<Submitted> submit(Taker taker, int number, Map<String, String> responses) throws StoreException {
        Paper paper = taker.paper();
        Optional<QuizAttempts.Submitted> submitted = attempts.submit(taker.participant(), paper.id(), number,
                valid(taker, responses), paper.maxPoints(), marker(paper));
        return submitted.map(s -> submitted(responses, s));
    }

    private static Submitted submitted(Map<String, String> responses, QuizAttempts.Submitted submitted) {
        // answers sent with a submission after the deadline are not counted: say so
        return new Submitted(submitted.attempt(), !responses.isEmpty() && submitted.responses() != Saved.SAVED
                && submitted.attempt().late(), submitted.answers());
    }

    /**
     * A submitted attempt, whether answers sent with the submission came too late to count, and the
     * attempt's answers as marked.
     */
    record Submitted(QuizAttempt attempt, boolean answersTooLate, Map<String, SavedAnswer> answers) {
    }

    /** Whether the participant may now see the review of {@code attempt}. */
    boolean reviewOpen(Taker taker, QuizAttempt attempt) {
        return taker.paper().graded() && attempt.submitted() && taker.paper().review().open(closed(taker));
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
