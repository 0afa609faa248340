package org.manabi.exchange.internal;

import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.manabi.exchange.ExchangeProblem;
import org.manabi.model.Choice;
import org.manabi.model.MultipleChoiceQuestion;
import org.manabi.model.NumericQuestion;
import org.manabi.model.Question;
import org.manabi.model.Quiz;
import org.manabi.model.ShortAnswerQuestion;
import org.manabi.model.SingleChoiceQuestion;
import org.manabi.model.TrueFalseQuestion;

/**
 * Writes a quiz as GIFT that Moodle and {@link GiftReader} read back to the same questions: the id as
 * {@code // [id:…]} and as title, texts as {@code [plain]} with every special character escaped and new lines
 * as {@code \n}, so that no question ever spans a blank line.
 */
public final class GiftWriter {

    private static final String FORMAT = "GIFT";

    private final Problems problems = new Problems();

    /** The GIFT text of the quiz; {@link #problems()} then names what GIFT could not carry. */
    public String write(Quiz quiz) {
        StringBuilder gift = new StringBuilder();
        gift.append("// ").append(oneLine(quiz.getTitle() == null ? "" : quiz.getTitle())).append(" (")
                .append(quiz.getId()).append("), exported by Manabi\n\n");
        ExportChecks.eachBankQuestion(quiz, FORMAT, problems, (question, startsCategory) -> {
            if (startsCategory) {
                gift.append("$CATEGORY: ").append(Categories.toMoodle(question.getCategory())).append("\n\n");
            }
            if (question.getPoints() != 1) {
                problems.warn(NLS.bind(Messages.Export_points, FORMAT, question.getPoints()));
            }
            if (question.getId() != null) {
                gift.append("// [id:").append(question.getId().replace("]", "\\]")).append("]\n");
                gift.append("::").append(escape(question.getId())).append("::");
            }
            gift.append("[plain]").append(escape(question.getText())).append(answers(question)).append("\n\n");
        });
        return gift.toString();
    }

    public List<ExchangeProblem> problems() {
        return problems.list();
    }

    /** The answer block {…}, with the general feedback at its end. */
    private String answers(Question question) {
        StringBuilder block = new StringBuilder("{");
        if (question instanceof SingleChoiceQuestion single) {
            for (Choice choice : single.getChoices()) {
                block.append("\n\t").append(choice.isCorrect() ? '=' : '~');
                if (choice.getText().startsWith("%")) {
                    // a text of its own that starts with %: an explicit weight before it keeps it text
                    block.append(choice.isCorrect() ? "%100%" : "%0%");
                }
                block.append(choice(choice));
            }
        } else if (question instanceof MultipleChoiceQuestion multiple) {
            long right = multiple.getChoices().stream().filter(Choice::isCorrect).count();
            String share = Numbers.percent(100.0 / Math.max(1, right));
            if (!multiple.isPartialCredit()) {
                problems.warn(NLS.bind(Messages.Export_allOrNothing, FORMAT));
            }
            for (Choice choice : multiple.getChoices()) {
                block.append("\n\t~%").append(choice.isCorrect() ? "" : "-").append(share).append('%')
                        .append(choice(choice));
            }
        } else if (question instanceof TrueFalseQuestion trueFalse) {
            block.append(trueFalse.isAnswer() ? "TRUE" : "FALSE");
        } else if (question instanceof NumericQuestion numeric) {
            block.append('#').append(Numbers.format(numeric.getAnswer()));
            if (numeric.getTolerance() != 0) {
                block.append(':').append(Numbers.format(numeric.getTolerance()));
            }
            unit(numeric.getUnit());
        } else if (question instanceof ShortAnswerQuestion shortAnswer) {
            for (String accepted : shortAnswer.getAcceptedAnswers()) {
                // a lone T or FALSE would read back as a true/false question: an explicit 100% keeps it an answer
                boolean looksTrueFalse = accepted.strip().matches("(?i)t|f|true|false");
                block.append("\n\t=").append(looksTrueFalse ? "%100%" : "").append(escape(accepted));
            }
        }
        // a free-text question is an essay: an empty block
        if (question.getFeedback() != null && !question.getFeedback().isBlank()) {
            block.append(block.length() > 1 && block.indexOf("\n") >= 0 ? "\n\t" : "").append("####")
                    .append(escape(question.getFeedback()));
        }
        return block.append(block.indexOf("\n") >= 0 ? "\n}" : "}").toString();
    }

    private void unit(String unit) {
        if (unit != null && !unit.isBlank()) {
            problems.warn(NLS.bind(Messages.Export_unit, FORMAT, unit));
        }
    }

    private static String choice(Choice choice) {
        String text = escape(choice.getText());
        return choice.getFeedback() == null || choice.getFeedback().isBlank() ? text
                : text + "#" + escape(choice.getFeedback());
    }

    /** GIFT's escapes: a backslash before each special character, {@code \n} for a new line. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        String normal = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        for (char c : normal.toCharArray()) {
            switch (c) {
                case '\\', '~', '=', '#', '{', '}', ':' -> escaped.append('\\').append(c);
                case '\n' -> escaped.append("\\n");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
