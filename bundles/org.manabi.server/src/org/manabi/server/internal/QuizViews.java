package org.manabi.server.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.manabi.quiz.Choice;
import org.manabi.quiz.Citation;
import org.manabi.quiz.Grading;
import org.manabi.quiz.Item;
import org.manabi.quiz.Mark;
import org.manabi.quiz.Order;
import org.manabi.quiz.Paper;
import org.manabi.quiz.Review;
import org.manabi.store.QuizAttempt;
import org.manabi.store.SavedAnswer;

/**
 * What a participant sees of an attempt, as one structure for the HTML template and the JSON API.
 * The keys (right choices, accepted answers, feedback, the slides behind a question) are put in
 * only when the review is open, and then only what the quiz's review settings allow: this class is
 * the one place that decides what leaves the server.
 */
final class QuizViews {

    private QuizViews() {
    }

    /** Where a participant's deck links point: {@code /quiz/<token>}. */
    static String deckBase(String token) {
        return "/quiz/" + token + "/decks/";
    }

    static Map<String, Object> attempt(Paper paper, QuizAttempt attempt, Map<String, SavedAnswer> saved,
            boolean reviewOpen, String token) {
        Review review = paper.review();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("number", attempt.number());
        view.put("state", attempt.submitted() ? "submitted" : "open");
        view.put("startedAt", Json.time(attempt.startedAt()));
        view.put("deadline", Json.time(attempt.deadline()));
        view.put("submittedAt", Json.time(attempt.submittedAt()));
        view.put("late", attempt.late());
        view.put("reviewOpen", reviewOpen);
        if (reviewOpen && review.showScore()) {
            view.put("score", score(paper, attempt));
        }
        Order order = Order.decode(attempt.order());
        List<Map<String, Object>> questions = new ArrayList<>();
        int number = 0;
        for (Item item : order.arrange(paper)) {
            SavedAnswer answer = saved.get(item.id());
            Map<String, Object> question = question(item, order, answer == null ? null : answer.response(), ++number);
            if (reviewOpen) {
                question.put("review", review(item, answer, review, token));
            }
            questions.add(question);
        }
        view.put("questions", questions);
        return view;
    }

    /** Points, maximum, percent and whether it passes, of a submitted attempt. */
    static Map<String, Object> score(Paper paper, QuizAttempt attempt) {
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("points", attempt.points());
        score.put("maxPoints", attempt.maxPoints());
        Double percent = attempt.percent();
        score.put("percent", percent == null ? null : Math.round(percent * 10) / 10.0);
        score.put("passed", percent != null && percent >= paper.passPercent());
        return score;
    }

    private static Map<String, Object> question(Item item, Order order, String response, int number) {
        Map<String, Object> question = new LinkedHashMap<>();
        String kind = kind(item);
        question.put("id", item.id());
        // the templates name the fields by it: inside a choice, "id" is the choice's
        question.put("qid", item.id());
        question.put("number", number);
        question.put("kind", kind);
        question.put("text", item.text());
        question.put("kind_" + kind, true);
        if (item.graded()) {
            question.put("points", item.points());
        }
        List<String> picked = Grading.picked(response);
        if (!item.choices().isEmpty()) {
            List<Map<String, Object>> choices = new ArrayList<>();
            for (Choice choice : order.arrange(item)) {
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("id", choice.id());
                shown.put("text", choice.text());
                shown.put("picked", picked.contains(choice.id()));
                choices.add(shown);
            }
            question.put("choices", choices);
        }
        switch (item) {
            case Item.Numeric numeric -> question.put("unit", numeric.unit());
            case Item.Likert likert -> {
                question.put("lowLabel", likert.lowLabel());
                question.put("highLabel", likert.highLabel());
                List<Map<String, Object>> steps = new ArrayList<>();
                for (int step = 1; step <= likert.scale(); step++) {
                    steps.add(Map.of("value", String.valueOf(step), "picked", String.valueOf(step).equals(response)));
                }
                question.put("steps", steps);
            }
            case Item.TrueFalse trueFalse -> {
                question.put("pickedTrue", "true".equals(response));
                question.put("pickedFalse", "false".equals(response));
            }
            default -> {
            }
        }
        question.put("response", response == null ? "" : response);
        return question;
    }

    private static Map<String, Object> review(Item item, SavedAnswer answer, Review review, String token) {
        Map<String, Object> shown = new LinkedHashMap<>();
        String response = answer == null ? null : answer.response();
        // the mark given at the submission, not a new one: a curriculum edited since changes no grade
        Mark mark = answer != null && answer.verdict() != null
                ? new Mark(answer.points(), item.points(), Mark.Verdict.valueOf(answer.verdict()))
                : Grading.mark(item, null);
        boolean right = mark.verdict() == Mark.Verdict.RIGHT;
        if (review.showCorrectness()) {
            shown.put("verdict", mark.verdict().name().toLowerCase(java.util.Locale.ROOT));
            shown.put("right", right);
        }
        if (review.showScore()) {
            shown.put("points", mark.points());
        }
        if (review.showRightAnswers()) {
            List<String> rightAnswers = rightAnswer(item);
            shown.put("rightAnswer", rightAnswers);
            shown.put("rightAnswerText", String.join(" / ", rightAnswers));
        }
        if (review.showFeedback() && !right && item.graded()) {
            List<String> feedback = new ArrayList<>();
            if (item.feedback() != null && !item.feedback().isBlank()) {
                feedback.add(item.feedback());
            }
            List<String> picked = Grading.picked(response);
            for (Choice choice : item.choices()) {
                if (picked.contains(choice.id()) && choice.feedback() != null && !choice.feedback().isBlank()) {
                    feedback.add(choice.feedback());
                }
            }
            shown.put("feedback", feedback);
            List<Map<String, Object>> slides = new ArrayList<>();
            for (Citation citation : item.citations()) {
                if (citation.deckId() == null || citation.pdf() == null) {
                    continue;
                }
                Map<String, Object> slide = new LinkedHashMap<>();
                slide.put("deck", citation.deckId());
                slide.put("deckTitle", citation.deckTitle());
                slide.put("page", citation.page());
                slide.put("thumbnail", deckBase(token) + citation.deckId() + "/" + citation.page() + ".png");
                slide.put("href", deckBase(token) + citation.deckId() + ".pdf#page=" + citation.page());
                slides.add(slide);
            }
            shown.put("slides", slides);
        }
        return shown;
    }

    private static List<String> rightAnswer(Item item) {
        return switch (item) {
            case Item.SingleChoice single -> single.choices().stream().filter(Choice::correct).map(Choice::text)
                    .toList();
            case Item.MultipleChoice multiple -> multiple.choices().stream().filter(Choice::correct)
                    .map(Choice::text).toList();
            case Item.TrueFalse trueFalse -> List.of(String.valueOf(trueFalse.answer()));
            case Item.Numeric numeric -> List.of(numeric.answer().stripTrailingZeros().toPlainString()
                    + (numeric.tolerance().signum() == 0 ? ""
                            : " ± " + numeric.tolerance().stripTrailingZeros().toPlainString())
                    + (numeric.unit() == null ? "" : " " + numeric.unit()));
            case Item.ShortAnswer shortAnswer -> shortAnswer.acceptedAnswers();
            case Item.Likert likert -> List.of();
            case Item.FreeText freeText -> List.of();
        };
    }

    static String kind(Item item) {
        return switch (item) {
            case Item.SingleChoice single -> "single";
            case Item.MultipleChoice multiple -> "multiple";
            case Item.TrueFalse trueFalse -> "trueFalse";
            case Item.Numeric numeric -> "numeric";
            case Item.ShortAnswer shortAnswer -> "shortAnswer";
            case Item.Likert likert -> "likert";
            case Item.FreeText freeText -> "freeText";
        };
    }
}
