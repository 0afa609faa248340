package org.manabi.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.manabi.quiz.Item;
import org.manabi.quiz.ItemAnalysis;
import org.manabi.quiz.ItemAnalysis.ItemStatistic;
import org.manabi.quiz.ItemAnalysis.WeakSlide;
import org.manabi.quiz.Paper;
import org.manabi.store.QuizAttempt;
import org.manabi.store.QuizAttempts;
import org.manabi.store.Registration;
import org.manabi.store.SavedAnswer;
import org.manabi.store.StoreException;
import org.manabi.store.ViewingId;

/**
 * A seminar's quiz results and survey answers as staff read them: each person's attempts (registrants
 * and VOD viewers who did not register alike), the pass rate, the item statistics (over each person's
 * first submitted attempt, see {@link ItemAnalysis}), the slides behind the hardest questions, and the survey's distributions and free texts. The staff
 * web pages and the workbench's Results view show the same figures from here.
 */
public record QuizResults(Paper quiz, List<Person> people, int takers, int passed, List<ItemStatistic> items,
        List<WeakSlide> weakSlides) {

    /**
     * Someone who may take the quiz, with their attempts, first first: a registrant, or a VOD viewer who
     * holds a viewing ID without registering ({@code viewer}; an ID issued to a registration takes the quiz
     * as that registration and is not listed apart). Exactly one of {@code registration} and {@code viewer}
     * is set.
     */
    public record Person(Registration registration, ViewingId viewer, List<QuizAttempt> attempts) {

        /**
         * The name to list: the registrant's, or the one on the viewing ID (which its certificate carries
         * too); a viewer whose data was anonymised is named by the ID's masked form.
         */
        public String name() {
            if (registration != null) {
                return registration.applicant().name();
            }
            return viewer.name().isBlank() ? viewer.masked() : viewer.name();
        }

        public String organization() {
            return registration != null ? registration.applicant().organization() : viewer.organization();
        }

        public String email() {
            return registration != null ? registration.applicant().email() : viewer.email();
        }

        /** The best score of a submitted attempt, in percent, or {@code null} before any. */
        public Double best() {
            return attempts.stream().filter(QuizAttempt::submitted).map(QuizAttempt::percent)
                    .filter(p -> p != null).max(Double::compare).orElse(null);
        }
    }

    /** The pass rate among those who submitted an attempt, 0..1; 0 when nobody has. */
    public double passRate() {
        return takers == 0 ? 0 : (double) passed / takers;
    }

    /**
     * The results of {@code quiz} for the people listed — registrants first, then viewers who hold a
     * viewing ID without registering — with the item statistics over every submitted attempt.
     */
    public static QuizResults of(Paper quiz, List<Registration> registrations, List<ViewingId> viewers,
            QuizAttempts store) throws StoreException {
        Map<String, List<QuizAttempt>> byParticipant = new HashMap<>();
        for (QuizAttempt attempt : store.ofPaper(quiz.id())) {
            byParticipant.computeIfAbsent(attempt.participant(), p -> new ArrayList<>()).add(attempt);
        }
        List<Person> people = new ArrayList<>();
        for (Registration registration : registrations) {
            people.add(new Person(registration, null,
                    byParticipant.getOrDefault(QuizAttempts.ofRegistration(registration.id()), List.of())));
        }
        for (ViewingId viewer : viewers) {
            people.add(new Person(null, viewer,
                    byParticipant.getOrDefault(QuizAttempts.ofViewingId(viewer.id()), List.of())));
        }
        int takers = 0;
        int passed = 0;
        for (Person person : people) {
            if (person.best() != null) {
                takers++;
                if (person.best() >= quiz.passPercent()) {
                    passed++;
                }
            }
        }
        Map<Long, Map<String, SavedAnswer>> answers = store.submittedAnswers(quiz.id());
        List<ItemAnalysis.Attempt> firsts = new ArrayList<>();
        for (List<QuizAttempt> attempts : byParticipant.values()) {
            attempts.stream().filter(QuizAttempt::submitted).findFirst().ifPresent(first -> {
                Map<String, String> responses = new HashMap<>();
                Map<String, Double> points = new HashMap<>();
                answers.getOrDefault(first.id(), Map.of()).forEach((itemId, answer) -> {
                    responses.put(itemId, answer.response());
                    points.put(itemId, answer.points() == null ? 0.0 : answer.points());
                });
                firsts.add(new ItemAnalysis.Attempt(responses, points));
            });
        }
        List<ItemStatistic> items = ItemAnalysis.analyse(quiz, firsts);
        return new QuizResults(quiz, people, takers, passed, items, ItemAnalysis.weakestSlides(items));
    }

    /** A survey question's answers: how often each step was picked (Likert), or the texts written. */
    public record SurveyQuestion(Item item, Map<String, Integer> steps, List<String> texts) {
    }

    /** The answers to every question of {@code survey}, over its submitted attempts. */
    public static List<SurveyQuestion> survey(Paper survey, QuizAttempts store) throws StoreException {
        Map<Long, Map<String, SavedAnswer>> answers = store.submittedAnswers(survey.id());
        List<SurveyQuestion> questions = new ArrayList<>();
        for (Item item : survey.items()) {
            Map<String, Integer> steps = new LinkedHashMap<>();
            if (item instanceof Item.Likert likert) {
                for (int step = 1; step <= likert.scale(); step++) {
                    steps.put(String.valueOf(step), 0);
                }
            }
            List<String> texts = new ArrayList<>();
            for (Map<String, SavedAnswer> attempt : answers.values()) {
                SavedAnswer answer = attempt.get(item.id());
                if (answer == null || answer.response().isBlank()) {
                    continue;
                }
                if (item instanceof Item.Likert) {
                    steps.computeIfPresent(answer.response().strip(), (step, count) -> count + 1);
                } else {
                    texts.add(answer.response());
                }
            }
            questions.add(new SurveyQuestion(item, steps, texts));
        }
        return questions;
    }
}
