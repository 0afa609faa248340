package org.manabi.quiz;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.manabi.model.LikertQuestion;
import org.manabi.model.MultipleChoiceQuestion;
import org.manabi.model.NumericQuestion;
import org.manabi.model.Question;
import org.manabi.model.Quiz;
import org.manabi.model.ReviewSettings;
import org.manabi.model.Seminar;
import org.manabi.model.ShortAnswerQuestion;
import org.manabi.model.SingleChoiceQuestion;
import org.manabi.model.SlideCitation;
import org.manabi.model.SlideDeck;
import org.manabi.model.Survey;
import org.manabi.model.TrueFalseQuestion;

/** Snapshots of the curricula's quizzes and surveys. */
public final class Papers {

    private Papers() {
    }

    /** The seminar's quiz, if it has one. */
    public static Optional<Paper> quiz(Seminar seminar) {
        Quiz quiz = seminar.getQuiz();
        if (quiz == null || quiz.getId() == null) {
            return Optional.empty();
        }
        Integer minutes = quiz.getTimeLimitMinutes();
        return Optional.of(new Paper(quiz.getId(), seminar.getId(), quiz.getTitle(), true, quiz.getAttempts(),
                minutes == null || minutes <= 0 ? null : Duration.ofMinutes(minutes), quiz.getPassPercent(),
                quiz.isShuffleQuestions(), quiz.isShuffleChoices(), review(quiz.getReview()), items(quiz.getQuestions())));
    }

    /** The seminar's survey, if it has one: taken once, never reviewed. */
    public static Optional<Paper> survey(Seminar seminar) {
        Survey survey = seminar.getSurvey();
        if (survey == null || survey.getId() == null) {
            return Optional.empty();
        }
        return Optional.of(new Paper(survey.getId(), seminar.getId(), survey.getTitle(), false, 1, null, 0, false,
                false, new Review(false, false, false, false, Review.When.NEVER), items(survey.getQuestions())));
    }

    private static Review review(ReviewSettings settings) {
        if (settings == null) {
            return Review.DEFAULT;
        }
        return new Review(settings.isShowScore(), settings.isShowCorrectness(), settings.isShowRightAnswers(),
                settings.isShowFeedback(), Review.When.values()[settings.getWhen().getValue()]);
    }

    private static List<Item> items(List<Question> questions) {
        return questions.stream().filter(q -> q.getId() != null).map(Papers::item).toList();
    }

    private static Item item(Question q) {
        List<Citation> citations = q.getCitations().stream().map(Papers::citation).toList();
        return switch (q) {
            case SingleChoiceQuestion single -> new Item.SingleChoice(q.getId(), q.getText(), q.getPoints(),
                    q.getFeedback(), citations, choices(single.getChoices()));
            case MultipleChoiceQuestion multiple -> new Item.MultipleChoice(q.getId(), q.getText(), q.getPoints(),
                    q.getFeedback(), citations, choices(multiple.getChoices()), multiple.isPartialCredit());
            case TrueFalseQuestion trueFalse -> new Item.TrueFalse(q.getId(), q.getText(), q.getPoints(),
                    q.getFeedback(), citations, trueFalse.isAnswer());
            case NumericQuestion numeric -> new Item.Numeric(q.getId(), q.getText(), q.getPoints(), q.getFeedback(),
                    citations, numeric.getAnswer() == null ? null : new BigDecimal(numeric.getAnswer().toString()),
                    new BigDecimal(Double.toString(numeric.getTolerance())), numeric.getUnit());
            case ShortAnswerQuestion shortAnswer -> new Item.ShortAnswer(q.getId(), q.getText(), q.getPoints(),
                    q.getFeedback(), citations, List.copyOf(shortAnswer.getAcceptedAnswers()));
            case LikertQuestion likert -> new Item.Likert(q.getId(), q.getText(), citations, likert.getScale(),
                    likert.getLowLabel(), likert.getHighLabel());
            default -> new Item.FreeText(q.getId(), q.getText(), citations);
        };
    }

    private static List<Choice> choices(List<org.manabi.model.Choice> choices) {
        return choices.stream().filter(c -> c.getId() != null)
                .map(c -> new Choice(c.getId(), c.getText(), c.isCorrect(), c.getFeedback())).toList();
    }

    private static Citation citation(SlideCitation citation) {
        SlideDeck deck = citation.getDeck();
        Path pdf = null;
        if (deck != null && deck.getFile() != null && deck.eResource() != null) {
            URI uri = deck.eResource().getURI();
            if (uri != null && uri.isFile()) {
                pdf = Path.of(uri.toFileString()).toAbsolutePath().getParent().resolve(deck.getFile()).normalize();
            }
        }
        return new Citation(deck == null ? null : deck.getId(), deck == null ? null : deck.getTitle(), pdf,
                citation.getPage());
    }
}
