package org.manabi.exchange.internal;

import java.io.OutputStream;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.manabi.exchange.ExchangeProblem;
import org.manabi.model.Choice;
import org.manabi.model.FreeTextQuestion;
import org.manabi.model.MultipleChoiceQuestion;
import org.manabi.model.NumericQuestion;
import org.manabi.model.Question;
import org.manabi.model.Quiz;
import org.manabi.model.ShortAnswerQuestion;
import org.manabi.model.SingleChoiceQuestion;
import org.manabi.model.TrueFalseQuestion;

/**
 * Writes a quiz as a Moodle XML question bank: a category question before each run of questions of one
 * category, the id as name and idnumber, texts as HTML. A multiple-choice question without partial credit
 * becomes Moodle's all-or-nothing type ({@code multichoiceset}, a widely installed plug-in), the only one that
 * grades like it.
 */
public final class MoodleXmlWriter {

    private static final String FORMAT = "Moodle XML";

    private final Problems problems = new Problems();

    public void write(Quiz quiz, OutputStream out) throws XMLStreamException {
        try (XmlOut xml = new XmlOut(out)) {
            xml.start("quiz");
            ExportChecks.eachBankQuestion(quiz, FORMAT, problems, (question, startsCategory) -> {
                if (startsCategory) {
                    xml.start("question").attribute("type", "category");
                    xml.start("category").element("text", Categories.toMoodle(question.getCategory())).end();
                    xml.end();
                }
                question(xml, question, type(question));
            });
            xml.end();
        }
    }

    public List<ExchangeProblem> problems() {
        return problems.list();
    }

    /** Moodle's type of a question a bank can hold. */
    private String type(Question question) {
        if (question instanceof SingleChoiceQuestion) {
            return "multichoice";
        } else if (question instanceof MultipleChoiceQuestion multiple) {
            if (!multiple.isPartialCredit()) {
                problems.warn(Messages.Export_multichoiceset);
                return "multichoiceset";
            }
            return "multichoice";
        } else if (question instanceof TrueFalseQuestion) {
            return "truefalse";
        } else if (question instanceof NumericQuestion) {
            return "numerical";
        } else if (question instanceof ShortAnswerQuestion) {
            return "shortanswer";
        }
        return "essay";
    }

    private void question(XmlOut xml, Question question, String type) throws XMLStreamException {
        xml.start("question").attribute("type", type);
        String id = question.getId() == null ? "" : question.getId();
        xml.start("name").element("text", id.isEmpty() ? firstWords(question.getText()) : id).end();
        html(xml, "questiontext", question.getText());
        html(xml, "generalfeedback", question.getFeedback());
        xml.element("defaultgrade", Integer.toString(question.getPoints()));
        xml.element("penalty", "0");
        xml.element("hidden", "0");
        xml.element("idnumber", id);
        if (question instanceof SingleChoiceQuestion single) {
            choiceOptions(xml, true);
            for (Choice choice : single.getChoices()) {
                answer(xml, choice.getText(), choice.isCorrect() ? "100" : "0", choice.getFeedback());
            }
        } else if (question instanceof MultipleChoiceQuestion multiple) {
            long right = multiple.getChoices().stream().filter(Choice::isCorrect).count();
            String share = Numbers.percent(100.0 / Math.max(1, right));
            if (multiple.isPartialCredit()) {
                choiceOptions(xml, false);
            } else {
                xml.element("shuffleanswers", "1");
                xml.element("answernumbering", "abc");
            }
            for (Choice choice : multiple.getChoices()) {
                String fraction = choice.isCorrect() ? share : multiple.isPartialCredit() ? "-" + share : "0";
                answer(xml, choice.getText(), fraction, choice.getFeedback());
            }
        } else if (question instanceof TrueFalseQuestion trueFalse) {
            answer(xml, "true", trueFalse.isAnswer() ? "100" : "0", null);
            answer(xml, "false", trueFalse.isAnswer() ? "0" : "100", null);
        } else if (question instanceof NumericQuestion numeric) {
            xml.start("answer").attribute("fraction", "100").attribute("format", "moodle_auto_format");
            xml.element("text", Numbers.format(numeric.getAnswer()));
            xml.element("tolerance", Numbers.format(numeric.getTolerance()));
            xml.end();
            if (numeric.getUnit() != null && !numeric.getUnit().isBlank()) {
                xml.start("units").start("unit");
                xml.element("multiplier", "1").element("unit_name", numeric.getUnit());
                xml.end().end();
            }
            // the unit is shown, never graded: the model compares numbers only
            xml.element("unitgradingtype", "0").element("unitpenalty", "0").element("showunits", "3")
                    .element("unitsleft", "0");
        } else if (question instanceof ShortAnswerQuestion shortAnswer) {
            xml.element("usecase", "0");
            for (String accepted : shortAnswer.getAcceptedAnswers()) {
                answer(xml, accepted, "100", null);
            }
        } else if (question instanceof FreeTextQuestion) {
            xml.element("responseformat", "editor").element("responserequired", "1")
                    .element("responsefieldlines", "10").element("attachments", "0");
        }
        xml.end();
    }

    private static void choiceOptions(XmlOut xml, boolean single) throws XMLStreamException {
        xml.element("single", Boolean.toString(single));
        xml.element("shuffleanswers", "true");
        xml.element("answernumbering", "abc");
    }

    private static void answer(XmlOut xml, String text, String fraction, String feedback) throws XMLStreamException {
        xml.start("answer").attribute("fraction", fraction).attribute("format", "html");
        xml.element("text", PlainText.toHtml(text == null ? "" : text));
        if (feedback != null && !feedback.isBlank()) {
            html(xml, "feedback", feedback);
        }
        xml.end();
    }

    private static void html(XmlOut xml, String name, String text) throws XMLStreamException {
        xml.start(name).attribute("format", "html");
        xml.element("text", text == null ? "" : PlainText.toHtml(text));
        xml.end();
    }

    private static String firstWords(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 50 ? oneLine : oneLine.substring(0, 50) + "…";
    }
}
