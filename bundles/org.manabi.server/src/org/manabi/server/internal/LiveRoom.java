package org.manabi.server.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.manabi.quiz.Choice;
import org.manabi.quiz.Grading;
import org.manabi.quiz.Item;
import org.manabi.quiz.Paper;
import org.manabi.quiz.TextFolding;
import org.manabi.store.LiveQuestions;
import org.manabi.store.LiveQuestions.LiveQuestion;
import org.manabi.store.StoreException;

/**
 * Live mode, for the participants' and the instructor's pages alike: the seminar's current live
 * question, the answers counted so far, and, once revealed, the right answer. Nothing of the key is
 * in {@link #view} before the reveal.
 */
final class LiveRoom {

    private final LiveQuestions questions;

    LiveRoom(LiveQuestions questions) {
        this.questions = questions;
    }

    LiveQuestions questions() {
        return questions;
    }

    /** The current question of the seminar, if it is one of {@code quiz}'s. */
    Optional<Current> current(Paper quiz) throws StoreException {
        Optional<LiveQuestion> live = questions.current(quiz.seminarId());
        if (live.isEmpty()) {
            return Optional.empty();
        }
        Optional<Item> item = quiz.item(live.get().itemId());
        return item.map(found -> new Current(live.get(), found));
    }

    record Current(LiveQuestion live, Item item) {
    }

    /**
     * The question, its choices, the counts (for staff always, for participants after the reveal) and
     * the right answer (after the reveal).
     */
    Map<String, Object> view(Current current, boolean withCounts) throws StoreException {
        Item item = current.item();
        boolean revealed = current.live().revealed();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("question", current.live().id());
        view.put("id", item.id());
        view.put("qid", item.id());
        view.put("kind", QuizViews.kind(item));
        view.put("kind_" + QuizViews.kind(item), true);
        view.put("text", item.text());
        view.put("revealed", revealed);
        List<Map<String, Object>> choices = new ArrayList<>();
        for (Choice choice : item.choices()) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("id", choice.id());
            shown.put("text", choice.text());
            if (revealed) {
                shown.put("correct", choice.correct());
            }
            choices.add(shown);
        }
        view.put("choices", choices);
        if (withCounts || revealed) {
            List<Map<String, Object>> counts = new ArrayList<>();
            int total = 0;
            for (Map.Entry<String, Integer> count : counts(current).entrySet()) {
                counts.add(Map.of("answer", count.getKey(), "count", count.getValue()));
                total += count.getValue();
            }
            view.put("counts", counts);
            view.put("answers", total);
        }
        return view;
    }

    /**
     * Answers counted per choice (choice text, in the authored order, zeros included) or per folded
     * text for typed answers.
     */
    Map<String, Integer> counts(Current current) throws StoreException {
        Item item = current.item();
        Map<String, Integer> raw = questions.distribution(current.live().id());
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (!item.choices().isEmpty()) {
            item.choices().forEach(choice -> counts.put(choice.text(), 0));
            raw.forEach((response, count) -> Grading.picked(response).forEach(id -> item.choices().stream()
                    .filter(choice -> choice.id().equals(id)).findFirst()
                    .ifPresent(choice -> counts.merge(choice.text(), count, Integer::sum))));
        } else {
            raw.forEach((response, count) -> counts.merge(TextFolding.fold(response), count, Integer::sum));
        }
        return counts;
    }
}
