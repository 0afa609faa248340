package org.manabi.exchange.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;
import org.manabi.model.Choice;
import org.manabi.model.FreeTextQuestion;
import org.manabi.model.ManabiFactory;
import org.manabi.model.MultipleChoiceQuestion;
import org.manabi.model.NumericQuestion;
import org.manabi.model.Question;
import org.manabi.model.ShortAnswerQuestion;
import org.manabi.model.SingleChoiceQuestion;
import org.manabi.model.TrueFalseQuestion;

/**
 * Turns what a question bank says (answers with weights and feedback) into the model's question types, and
 * says in a warning whatever the model cannot keep. Both readers use it, so GIFT and Moodle XML banks map
 * the same way.
 */
final class QuestionMapper {

    /** The ids the content folder accepts; an idnumber of this shape becomes the question's id. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final ManabiFactory FACTORY = ManabiFactory.eINSTANCE;

    private final Problems problems;

    QuestionMapper(Problems problems) {
        this.problems = problems;
    }

    /** A choice question with one right answer (GIFT {@code =}, Moodle single="true"). */
    SingleChoiceQuestion single(List<Answer> answers) throws Unreadable {
        needsTwo(answers);
        long right = answers.stream().filter(Answer::fullMarks).count();
        if (right != 1) {
            throw new Unreadable(NLS.bind(Messages.Import_singleNeedsOneRight, right));
        }
        SingleChoiceQuestion question = FACTORY.createSingleChoiceQuestion();
        for (Answer answer : answers) {
            if (!answer.fullMarks() && answer.weight() != 0) {
                problems.warn(NLS.bind(Messages.Import_weightNotKept, weight(answer.weight()), answer.text()));
            }
            question.getChoices().add(choice(answer, answer.fullMarks()));
        }
        return question;
    }

    /**
     * A choice question where several answers may be picked. The model's partial credit gives each right
     * choice an equal share and takes as much off for each wrong one; weights that differ from that are
     * named in a warning. {@code allOrNothing}: only the exact set scores (Moodle's multichoiceset).
     */
    MultipleChoiceQuestion multiple(List<Answer> answers, boolean allOrNothing) throws Unreadable {
        needsTwo(answers);
        List<Answer> right = answers.stream().filter(a -> a.weight() > 0).toList();
        if (right.isEmpty()) {
            throw new Unreadable(Messages.Import_noRightChoice);
        }
        MultipleChoiceQuestion question = FACTORY.createMultipleChoiceQuestion();
        question.setPartialCredit(!allOrNothing);
        if (!allOrNothing) {
            double share = 100.0 / right.size();
            List<String> unequal = new ArrayList<>();
            List<String> wrongCost = new ArrayList<>();
            for (Answer answer : answers) {
                if (answer.weight() > 0 && Math.abs(answer.weight() - share) >= 0.01) {
                    unequal.add(weight(answer.weight()) + " " + answer.text());
                } else if (answer.weight() <= 0 && Math.abs(answer.weight() + share) >= 0.01) {
                    wrongCost.add(weight(answer.weight()) + " " + answer.text());
                }
            }
            if (!unequal.isEmpty()) {
                problems.warn(NLS.bind(Messages.Import_unequalShares, weight(share), String.join(", ", unequal)));
            }
            if (!wrongCost.isEmpty()) {
                problems.warn(NLS.bind(Messages.Import_wrongCost, weight(-share), String.join(", ", wrongCost)));
            }
        }
        for (Answer answer : answers) {
            question.getChoices().add(choice(answer, answer.weight() > 0));
        }
        return question;
    }

    TrueFalseQuestion trueFalse(boolean answer) {
        TrueFalseQuestion question = FACTORY.createTrueFalseQuestion();
        question.setAnswer(answer);
        return question;
    }

    /**
     * Banks give a true/false question feedback for a wrong and for a right answer. The model's feedback is
     * the one shown after a wrong answer, so that one is kept when there is no general feedback.
     *
     * @return the feedback the question keeps
     */
    String trueFalseFeedback(String general, String wrong, String right) {
        String feedback = general;
        if (wrong != null && !wrong.isEmpty()) {
            if (general == null || general.isEmpty()) {
                feedback = wrong;
            } else {
                problems.warn(NLS.bind(Messages.Import_answerFeedbackNotKept, "", wrong));
            }
        }
        if (right != null && !right.isEmpty()) {
            problems.warn(NLS.bind(Messages.Import_rightFeedbackNotKept, right));
        }
        return feedback;
    }

    /** The first answer with full marks is the model's answer; other answers can only be named in warnings. */
    NumericQuestion numeric(List<Answer> answers) throws Unreadable {
        Answer chosen = answers.stream().filter(Answer::fullMarks).findFirst()
                .orElseThrow(() -> new Unreadable(Messages.Import_noFullMarks));
        NumericQuestion question = FACTORY.createNumericQuestion();
        question.setAnswer(Double.valueOf(chosen.text()));
        question.setTolerance(Math.abs(chosen.tolerance()));
        for (Answer answer : answers) {
            if (answer != chosen) {
                problems.warn(NLS.bind(Messages.Import_otherAnswerNotKept, answerWithTolerance(answer),
                        weight(answer.weight())));
            }
        }
        answerFeedbackNotKept(answers);
        return question;
    }

    ShortAnswerQuestion shortAnswer(List<Answer> answers) throws Unreadable {
        ShortAnswerQuestion question = FACTORY.createShortAnswerQuestion();
        for (Answer answer : answers) {
            if (!answer.fullMarks()) {
                problems.warn(NLS.bind(Messages.Import_otherAnswerNotKept, answer.text(), weight(answer.weight())));
                continue;
            }
            question.getAcceptedAnswers().add(answer.text());
            if (answer.text().contains("*")) {
                problems.warn(NLS.bind(Messages.Import_wildcard, answer.text()));
            }
        }
        if (question.getAcceptedAnswers().isEmpty()) {
            throw new Unreadable(Messages.Import_noFullMarks);
        }
        answerFeedbackNotKept(answers);
        return question;
    }

    FreeTextQuestion freeText() {
        return FACTORY.createFreeTextQuestion();
    }

    /**
     * Sets what every question has. The id proposed is the bank's own (GIFT {@code [id:…]}, Moodle idnumber);
     * titles ("Q1", "Question 3") are no ids unique across the content, so a question without one gets its id
     * from the quiz. A title that is neither the id nor the start of the text has no place in the model and is
     * named in a warning.
     */
    void common(Question question, String title, String idNumber, String text, String feedback, String category) {
        question.setText(text);
        question.setFeedback(feedback == null || feedback.isBlank() ? null : feedback);
        question.setCategory(category);
        String id = null;
        if (idNumber != null && !idNumber.isBlank()) {
            if (ID.matcher(idNumber.strip()).matches()) {
                id = idNumber.strip();
            } else {
                problems.warn(NLS.bind(Messages.Import_idNotKept, idNumber));
            }
        }
        question.setId(id);
        if (title != null && !title.isBlank() && !title.equals(id) && !startsTheText(title, text)) {
            problems.warn(NLS.bind(Messages.Import_titleNotKept, title));
        }
    }

    /** Moodle names a question after the start of its text when no one gave it a name. */
    private static boolean startsTheText(String title, String text) {
        String start = title.replaceFirst("(\\.\\.\\.|…)$", "").strip();
        return !start.isEmpty() && text.replaceAll("\\s+", " ").startsWith(start.replaceAll("\\s+", " "));
    }

    private void answerFeedbackNotKept(List<Answer> answers) {
        for (Answer answer : answers) {
            if (answer.feedback() != null && !answer.feedback().isBlank()) {
                problems.warn(NLS.bind(Messages.Import_answerFeedbackNotKept, answer.text(), answer.feedback()));
            }
        }
    }

    private static Choice choice(Answer answer, boolean correct) {
        Choice choice = FACTORY.createChoice();
        choice.setText(answer.text());
        choice.setCorrect(correct);
        choice.setFeedback(answer.feedback() == null || answer.feedback().isBlank() ? null : answer.feedback());
        return choice;
    }

    private static void needsTwo(List<Answer> answers) throws Unreadable {
        if (answers.size() < 2) {
            throw new Unreadable(NLS.bind(Messages.Import_tooFewChoices, answers.size()));
        }
    }

    private static String answerWithTolerance(Answer answer) {
        return answer.tolerance() == 0 ? answer.text() : answer.text() + "±" + Numbers.format(answer.tolerance());
    }

    static String weight(double percent) {
        return Numbers.percent(percent) + "%";
    }
}
