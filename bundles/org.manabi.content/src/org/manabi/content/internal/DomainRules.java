package org.manabi.content.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.osgi.util.NLS;
import org.manabi.content.ContentProblem;
import org.manabi.content.ContentProblem.Severity;
import org.manabi.model.CapacityState;
import org.manabi.model.Choice;
import org.manabi.model.FreeTextQuestion;
import org.manabi.model.LikertQuestion;
import org.manabi.model.ManabiPackage.Literals;
import org.manabi.model.MultipleChoiceQuestion;
import org.manabi.model.NumericQuestion;
import org.manabi.model.Person;
import org.manabi.model.PoolMode;
import org.manabi.model.ProgrammeItem;
import org.manabi.model.ProgrammeItemKind;
import org.manabi.model.Question;
import org.manabi.model.Quiz;
import org.manabi.model.SeatPool;
import org.manabi.model.Seminar;
import org.manabi.model.SeminarStatus;
import org.manabi.model.Session;
import org.manabi.model.ShortAnswerQuestion;
import org.manabi.model.SingleChoiceQuestion;
import org.manabi.model.SlideCitation;
import org.manabi.model.SlideDeck;
import org.manabi.model.VodWindow;

/**
 * The committee's rules for a curriculum that EMF's structural validation cannot know: a
 * timetable that fits its day, prices for what is sold, a conference system for the web seats, a
 * right answer for every question and a real page behind every citation, and so on.
 */
final class DomainRules {

    private final Path file;
    private final Path folder;
    private final List<ContentProblem> problems = new ArrayList<>();

    private DomainRules(Path file, Path folder) {
        this.file = file;
        this.folder = folder;
    }

    /**
     * @param file the resource's file relative to the content folder, for the problems
     * @param absoluteFolder the folder of the file, to find the decks it names
     */
    static List<ContentProblem> check(Resource resource, Path file, Path absoluteFolder) {
        DomainRules rules = new DomainRules(file, absoluteFolder);
        for (var contents = resource.getAllContents(); contents.hasNext();) {
            EObject element = contents.next();
            if (element instanceof Seminar seminar) {
                rules.seminar(seminar);
            } else if (element instanceof Quiz quiz) {
                quiz.getQuestions().forEach(rules::gradable);
            } else if (element instanceof Question question) {
                question.getCitations().forEach(rules::citation);
            } else if (element instanceof SlideDeck deck) {
                rules.deck(deck);
            } else if (element instanceof VodWindow window) {
                rules.window(window);
            } else if (element instanceof Person person && isBlank(person.getAffiliation())) {
                // people in the content are the speakers; participants live in the store
                rules.error(person, Literals.PERSON__AFFILIATION, Messages.Rule_speakerWithoutAffiliation);
            }
        }
        return rules.problems;
    }

    private void seminar(Seminar seminar) {
        boolean published = seminar.getStatus() == SeminarStatus.PUBLISHED;
        if (published && seminar.getFee() == null) {
            error(seminar, Literals.SEMINAR__FEE, Messages.Rule_noFee);
        } else if (seminar.getFee() != null && !seminar.getFee().isFree()
                && (seminar.getFee().getMemberYen() == null || seminar.getFee().getNonMemberYen() == null)
                && published) {
            error(seminar.getFee(), Literals.FEE__MEMBER_YEN, Messages.Rule_paidWithoutPrice);
        }
        for (SeatPool pool : seminar.getPools()) {
            if (pool.getCapacityState() == CapacityState.NUMBER
                    && (pool.getCapacity() == null || pool.getCapacity() < 1)) {
                error(pool, Literals.SEAT_POOL__CAPACITY, Messages.Rule_capacityMissing);
            }
            if (pool.getMode() == PoolMode.WEB && pool.getCapacityState() != CapacityState.NOT_PLANNED
                    && isBlank(seminar.getConferenceSystem()) && published) {
                error(seminar, Literals.SEMINAR__CONFERENCE_SYSTEM, Messages.Rule_webPoolWithoutSystem);
            }
            if (pool.getMode() == PoolMode.ONSITE && pool.getCapacityState() != CapacityState.NOT_PLANNED
                    && isBlank(seminar.getVenue()) && published) {
                error(seminar, Literals.SEMINAR__VENUE, Messages.Rule_onsitePoolWithoutVenue);
            }
        }
        for (Session session : seminar.getSessions()) {
            if (session.getStart() != null && session.getEnd() != null && !session.getEnd().isAfter(session.getStart())) {
                error(session, Literals.SESSION__END, NLS.bind(Messages.Rule_endNotAfterStart, session.getStart()));
            }
        }
        if (seminar.getRegistrationOpens() != null && seminar.getRegistrationCloses() != null
                && !seminar.getRegistrationCloses().isAfter(seminar.getRegistrationOpens())) {
            error(seminar, Literals.SEMINAR__REGISTRATION_CLOSES,
                    NLS.bind(Messages.Rule_closesBeforeOpens, seminar.getRegistrationOpens()));
        }
        if (seminar.getCertificateRule() != null && seminar.getCertificateRule().isRequiresPassing()
                && seminar.getQuiz() == null) {
            error(seminar.getCertificateRule(), Literals.CERTIFICATE_RULE__REQUIRES_PASSING, Messages.Rule_passingWithoutQuiz);
        }
        programme(seminar);
    }

    private void programme(Seminar seminar) {
        List<ProgrammeItem> timed = new ArrayList<>();
        for (ProgrammeItem item : seminar.getProgramme()) {
            if (item.getStart() == null || item.getEnd() == null) {
                continue;
            }
            if (!item.getEnd().isAfter(item.getStart())) {
                error(item, Literals.PROGRAMME_ITEM__END, NLS.bind(Messages.Rule_endNotAfterStart, item.getStart()));
                continue;
            }
            timed.add(item);
            Session session = sessionOf(seminar, item);
            if (session == null || session.getStart() == null || session.getEnd() == null) {
                continue;
            }
            Duration length = Duration.between(item.getStart(), item.getEnd());
            Duration sessionLength = Duration.between(session.getStart(), session.getEnd());
            if (item.getKind() == ProgrammeItemKind.BREAK && length.compareTo(sessionLength) > 0) {
                error(item, Literals.PROGRAMME_ITEM__END, NLS.bind(Messages.Rule_breakLongerThanSession,
                        length.toMinutes(), sessionLength.toMinutes()));
            } else if (item.getStart().isBefore(session.getStart()) || item.getEnd().isAfter(session.getEnd())) {
                error(item, item.getStart().isBefore(session.getStart()) ? Literals.PROGRAMME_ITEM__START
                        : Literals.PROGRAMME_ITEM__END,
                        NLS.bind(Messages.Rule_outsideSession, new Object[] { session.getDate(),
                                session.getStart(), session.getEnd() }));
            }
        }
        timed.sort(Comparator.comparing((ProgrammeItem item) -> dayOf(seminar, item),
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(ProgrammeItem::getStart));
        for (int i = 1; i < timed.size(); i++) {
            ProgrammeItem before = timed.get(i - 1);
            ProgrammeItem item = timed.get(i);
            if (Objects.equals(dayOf(seminar, before), dayOf(seminar, item)) && item.getStart().isBefore(before.getEnd())) {
                error(item, Literals.PROGRAMME_ITEM__START, NLS.bind(Messages.Rule_overlap, new Object[] {
                        ContentValidator.label(before), before.getStart(), before.getEnd() }));
            }
        }
    }

    private static LocalDate dayOf(Seminar seminar, ProgrammeItem item) {
        Session session = sessionOf(seminar, item);
        return session == null ? item.getDate() : session.getDate();
    }

    /** The session an item belongs to: the one of its date, or the first when it names none. */
    private static Session sessionOf(Seminar seminar, ProgrammeItem item) {
        if (item.getDate() == null) {
            return seminar.getSessions().isEmpty() ? null : seminar.getSessions().get(0);
        }
        return seminar.getSessions().stream().filter(s -> item.getDate().equals(s.getDate())).findFirst().orElse(null);
    }

    private void gradable(Question question) {
        if (question instanceof LikertQuestion || question instanceof FreeTextQuestion) {
            error(question, Literals.QUESTION__TEXT, Messages.Rule_notGradable);
        } else if (question instanceof SingleChoiceQuestion single) {
            long correct = single.getChoices().stream().filter(Choice::isCorrect).count();
            if (correct != 1) {
                error(question, Literals.SINGLE_CHOICE_QUESTION__CHOICES, NLS.bind(Messages.Rule_singleChoiceCorrect, correct));
            }
        } else if (question instanceof MultipleChoiceQuestion multiple) {
            if (multiple.getChoices().stream().noneMatch(Choice::isCorrect)) {
                error(question, Literals.MULTIPLE_CHOICE_QUESTION__CHOICES, Messages.Rule_noCorrectChoice);
            }
        } else if (question instanceof NumericQuestion numeric) {
            if (numeric.getAnswer() == null) {
                error(question, Literals.NUMERIC_QUESTION__ANSWER, Messages.Rule_noAnswer);
            } else if (numeric.getTolerance() < 0) {
                error(question, Literals.NUMERIC_QUESTION__TOLERANCE, Messages.Rule_negativeTolerance);
            }
        } else if (question instanceof ShortAnswerQuestion shortAnswer
                && shortAnswer.getAcceptedAnswers().stream().allMatch(DomainRules::isBlank)) {
            error(question, Literals.SHORT_ANSWER_QUESTION__ACCEPTED_ANSWERS, Messages.Rule_noAnswer);
        }
    }

    private void citation(SlideCitation citation) {
        SlideDeck deck = citation.getDeck();
        if (deck == null || deck.eIsProxy()) {
            return; // EMF's structural validation reports the missing or dangling deck
        }
        if (citation.getPage() < 1 || (deck.getPageCount() > 0 && citation.getPage() > deck.getPageCount())) {
            error(citation, Literals.SLIDE_CITATION__PAGE, NLS.bind(Messages.Rule_pageBeyondDeck, new Object[] {
                    citation.getPage(), ContentValidator.label(deck), deck.getPageCount() }));
        }
    }

    private void deck(SlideDeck deck) {
        if (deck.getPageCount() < 1) {
            error(deck, Literals.SLIDE_DECK__PAGE_COUNT, Messages.Rule_deckPageCount);
        }
        if (!isBlank(deck.getFile()) && !Files.isRegularFile(folder.resolve(deck.getFile()))) {
            error(deck, Literals.SLIDE_DECK__FILE, NLS.bind(Messages.Rule_deckFileMissing, deck.getFile()));
        }
    }

    private void window(VodWindow window) {
        if (window.getOpens() != null && window.getCloses() != null && !window.getCloses().isAfter(window.getOpens())) {
            error(window, Literals.VOD_WINDOW__CLOSES, NLS.bind(Messages.Rule_closesBeforeOpens, window.getOpens()));
        }
    }

    private void error(EObject element, EStructuralFeature feature, String message) {
        problems.add(new ContentProblem(Severity.ERROR, file, 0, ContentValidator.label(element), feature.getName(),
                message, ContentValidator.fragment(element)));
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
