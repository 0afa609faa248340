package org.manabi.exchange.internal;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.manabi.model.LikertQuestion;
import org.manabi.model.NumericQuestion;
import org.manabi.model.Question;
import org.manabi.model.Quiz;
import org.manabi.model.SlideCitation;

/** What every export says about the model's fields that question banks have no place for. */
final class ExportChecks {

    private ExportChecks() {
    }

    /** What a bank writer does with each question it can hold. */
    interface BankWriter<E extends Exception> {
        /** @param startsCategory whether the question needs a category line before it (first, or new category) */
        void write(Question question, boolean startsCategory) throws E;
    }

    /**
     * Hands a writer the questions of a quiz that GIFT or Moodle XML can hold, in order; problems name the quiz
     * settings not carried, each question left out, and each one's citations, and are tied to the question being
     * written.
     */
    static <E extends Exception> void eachBankQuestion(Quiz quiz, String format, Problems problems,
            BankWriter<E> writer) throws E {
        quizSettings(quiz, format, problems);
        boolean first = true;
        String category = null;
        int number = 0;
        for (Question question : quiz.getQuestions()) {
            number++;
            question(question, number, format, problems);
            if (bankable(question, format, problems)) {
                boolean starts = first || !Objects.equals(category, question.getCategory());
                first = false;
                category = question.getCategory();
                writer.write(question, starts);
            }
        }
    }

    /** The quiz's own settings: GIFT and Moodle XML are banks of questions, not quizzes. */
    private static void quizSettings(Quiz quiz, String format, Problems problems) {
        problems.at(0, null);
        problems.warn(NLS.bind(Messages.Export_quizSettings, format));
    }

    /** Starts a question: problems from here on name it; its slide citations are named as not carried. */
    static void question(Question question, int number, String format, Problems problems) {
        problems.at(0, label(question, number));
        List<SlideCitation> citations = question.getCitations();
        if (!citations.isEmpty()) {
            String pages = citations.stream()
                    .map(c -> (c.getDeck() == null ? "?" : c.getDeck().getId()) + " p." + c.getPage())
                    .collect(Collectors.joining(", "));
            problems.warn(NLS.bind(Messages.Export_citations, format, pages));
        }
    }

    /**
     * Whether a question bank can hold the question: Likert questions have no type in GIFT or Moodle, and a
     * numeric question without an answer has nothing to write. Problems name the question left out.
     */
    private static boolean bankable(Question question, String format, Problems problems) {
        if (question instanceof LikertQuestion) {
            problems.error(NLS.bind(Messages.Export_likert, format));
            return false;
        }
        if (question instanceof NumericQuestion numeric && numeric.getAnswer() == null) {
            problems.error(Messages.Export_noAnswer);
            return false;
        }
        return true;
    }

    static String label(Question question, int number) {
        return question.getId() == null ? "#" + number : question.getId();
    }
}
