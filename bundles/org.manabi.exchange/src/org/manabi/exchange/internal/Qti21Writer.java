package org.manabi.exchange.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLStreamException;

import org.eclipse.osgi.util.NLS;
import org.manabi.exchange.ExchangeProblem;
import org.manabi.model.Choice;
import org.manabi.model.FreeTextQuestion;
import org.manabi.model.LikertQuestion;
import org.manabi.model.MultipleChoiceQuestion;
import org.manabi.model.NumericQuestion;
import org.manabi.model.Question;
import org.manabi.model.Quiz;
import org.manabi.model.ShortAnswerQuestion;
import org.manabi.model.SingleChoiceQuestion;
import org.manabi.model.TrueFalseQuestion;

/**
 * Writes a quiz as an IMS QTI 2.1 content package: a zip with {@code imsmanifest.xml}, one
 * {@code assessmentItem} per question under {@code items/}, and an {@code assessmentTest} that lists them.
 * Each item scores the question's points when right; its {@code modalFeedback} is the question's feedback,
 * shown after a wrong answer as in the model. Multiple choice with partial credit maps each right choice to
 * its share of the points and each wrong one to as much off, bounded by 0 and the points.
 */
public final class Qti21Writer {

    static final String QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1";
    static final String IMSCP = "http://www.imsglobal.org/xsd/imscp_v1p1";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String QTI_XSD = QTI + " http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd";
    private static final String FORMAT = "QTI 2.1";
    private static final String RESPONSE = "RESPONSE";
    private static final String WRONG = "WRONG";

    private final Problems problems = new Problems();

    public void write(Quiz quiz, OutputStream out) throws IOException, XMLStreamException {
        problems.at(0, null);
        Map<String, byte[]> items = new LinkedHashMap<>();
        int number = 0;
        for (Question question : quiz.getQuestions()) {
            number++;
            ExportChecks.question(question, number, FORMAT, problems);
            String identifier = identifier(question.getId() == null ? "item-" + number : question.getId(),
                    items.keySet());
            byte[] item = item(question, identifier, quiz.isShuffleChoices());
            if (item != null) {
                items.put(identifier, item);
            }
        }
        problems.at(0, null);
        String testIdentifier = identifier(quiz.getId() == null ? "test" : quiz.getId(), List.of());
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "imsmanifest.xml", manifest(testIdentifier, items.keySet()));
            entry(zip, "test.xml", test(quiz, testIdentifier, items.keySet()));
            for (Map.Entry<String, byte[]> item : items.entrySet()) {
                entry(zip, "items/" + item.getKey() + ".xml", item.getValue());
            }
        }
    }

    public List<ExchangeProblem> problems() {
        return problems.list();
    }

    private byte[] item(Question question, String identifier, boolean shuffle) throws XMLStreamException {
        if (question instanceof NumericQuestion numeric && numeric.getAnswer() == null) {
            problems.error(Messages.Export_noAnswer);
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XmlOut xml = new XmlOut(bytes)) {
            xml.start("assessmentItem").namespace(QTI).namespace("xsi", XSI)
                    .attribute("xsi:schemaLocation", QTI_XSD).attribute("identifier", identifier)
                    .attribute("title", question.getId() == null ? identifier : question.getId())
                    .attribute("adaptive", "false").attribute("timeDependent", "false");
            boolean graded = declarations(xml, question);
            xml.start("itemBody");
            body(xml, question, shuffle);
            xml.end();
            if (graded) {
                processing(xml, question);
                if (question.getFeedback() != null && !question.getFeedback().isBlank()) {
                    xml.start("modalFeedback").attribute("outcomeIdentifier", "FEEDBACK")
                            .attribute("identifier", WRONG).attribute("showHide", "show");
                    paragraphs(xml, question.getFeedback());
                    xml.end();
                }
            }
            xml.end();
        }
        return bytes.toByteArray();
    }

    /** @return whether the question is graded (has a right answer and scores) */
    private boolean declarations(XmlOut xml, Question question) throws XMLStreamException {
        boolean graded = true;
        String points = Integer.toString(question.getPoints());
        if (question instanceof SingleChoiceQuestion single) {
            response(xml, "single", "identifier", rightIdentifiers(single.getChoices()), null, points);
        } else if (question instanceof MultipleChoiceQuestion multiple) {
            Map<String, String> mapping = null;
            if (multiple.isPartialCredit()) {
                long right = multiple.getChoices().stream().filter(Choice::isCorrect).count();
                double share = question.getPoints() / (double) Math.max(1, right);
                mapping = new LinkedHashMap<>();
                List<Choice> choices = multiple.getChoices();
                for (int i = 0; i < choices.size(); i++) {
                    mapping.put(choiceIdentifier(i), Numbers.format(choices.get(i).isCorrect() ? share : -share));
                }
            }
            response(xml, "multiple", "identifier", rightIdentifiers(multiple.getChoices()), mapping, points);
        } else if (question instanceof TrueFalseQuestion trueFalse) {
            response(xml, "single", "identifier", List.of(trueFalse.isAnswer() ? "TRUE" : "FALSE"), null, points);
        } else if (question instanceof NumericQuestion numeric) {
            response(xml, "single", "float", List.of(Numbers.format(numeric.getAnswer())), null, points);
        } else if (question instanceof ShortAnswerQuestion shortAnswer) {
            Map<String, String> mapping = new LinkedHashMap<>();
            for (String accepted : shortAnswer.getAcceptedAnswers()) {
                mapping.putIfAbsent(accepted, Integer.toString(question.getPoints()));
            }
            List<String> first = shortAnswer.getAcceptedAnswers().isEmpty() ? List.of()
                    : List.of(shortAnswer.getAcceptedAnswers().get(0));
            response(xml, "single", "string", first, mapping, points);
        } else if (question instanceof LikertQuestion) {
            xml.empty("responseDeclaration", "identifier", RESPONSE, "cardinality", "single", "baseType", "identifier");
            graded = false;
        } else {
            xml.empty("responseDeclaration", "identifier", RESPONSE, "cardinality", "single", "baseType", "string");
            graded = false;
        }
        if (graded) {
            xml.start("outcomeDeclaration").attribute("identifier", "SCORE").attribute("cardinality", "single")
                    .attribute("baseType", "float");
            xml.start("defaultValue").element("value", "0").end();
            xml.end();
            xml.start("outcomeDeclaration").attribute("identifier", "MAXSCORE").attribute("cardinality", "single")
                    .attribute("baseType", "float");
            xml.start("defaultValue").element("value", Integer.toString(question.getPoints())).end();
            xml.end();
            xml.empty("outcomeDeclaration", "identifier", "FEEDBACK", "cardinality", "single", "baseType",
                    "identifier");
        }
        return graded;
    }

    private static void response(XmlOut xml, String cardinality, String baseType, List<String> correct,
            Map<String, String> mapping, String points) throws XMLStreamException {
        xml.start("responseDeclaration").attribute("identifier", RESPONSE).attribute("cardinality", cardinality)
                .attribute("baseType", baseType);
        if (!correct.isEmpty()) {
            xml.start("correctResponse");
            for (String value : correct) {
                xml.element("value", value);
            }
            xml.end();
        }
        if (mapping != null) {
            xml.start("mapping").attribute("defaultValue", "0");
            if (baseType.equals("identifier")) {
                // partial credit never goes below nothing nor above the points
                xml.attribute("lowerBound", "0").attribute("upperBound", points);
            }
            for (Map.Entry<String, String> entry : mapping.entrySet()) {
                if (baseType.equals("string")) {
                    // the model matches answers ignoring case (and width, which QTI cannot say)
                    xml.empty("mapEntry", "mapKey", entry.getKey(), "mappedValue", entry.getValue(), "caseSensitive",
                            "false");
                } else {
                    xml.empty("mapEntry", "mapKey", entry.getKey(), "mappedValue", entry.getValue());
                }
            }
            xml.end();
        }
        xml.end();
    }

    private void body(XmlOut xml, Question question, boolean shuffle) throws XMLStreamException {
        if (question instanceof SingleChoiceQuestion single) {
            choices(xml, question, single.getChoices(), 1, shuffle);
        } else if (question instanceof MultipleChoiceQuestion multiple) {
            choices(xml, question, multiple.getChoices(), 0, shuffle);
        } else if (question instanceof TrueFalseQuestion) {
            xml.start("choiceInteraction").attribute("responseIdentifier", RESPONSE).attribute("shuffle", "false")
                    .attribute("maxChoices", "1");
            prompt(xml, question.getText());
            xml.start("simpleChoice").attribute("identifier", "TRUE").text(Messages.Qti_true).end();
            xml.start("simpleChoice").attribute("identifier", "FALSE").text(Messages.Qti_false).end();
            xml.end();
        } else if (question instanceof NumericQuestion numeric) {
            paragraphs(xml, question.getText());
            xml.start("p");
            xml.empty("textEntryInteraction", "responseIdentifier", RESPONSE, "expectedLength", "12");
            if (numeric.getUnit() != null && !numeric.getUnit().isBlank()) {
                xml.text(" " + numeric.getUnit());
            }
            xml.end();
        } else if (question instanceof ShortAnswerQuestion) {
            paragraphs(xml, question.getText());
            xml.start("p");
            xml.empty("textEntryInteraction", "responseIdentifier", RESPONSE, "expectedLength", "30");
            xml.end();
        } else if (question instanceof LikertQuestion likert) {
            xml.start("choiceInteraction").attribute("responseIdentifier", RESPONSE).attribute("shuffle", "false")
                    .attribute("maxChoices", "1");
            prompt(xml, question.getText());
            for (int level = 1; level <= likert.getScale(); level++) {
                String label = Integer.toString(level);
                if (level == 1 && likert.getLowLabel() != null) {
                    label += " " + likert.getLowLabel();
                } else if (level == likert.getScale() && likert.getHighLabel() != null) {
                    label += " " + likert.getHighLabel();
                }
                xml.start("simpleChoice").attribute("identifier", "L" + level).text(label).end();
            }
            xml.end();
        } else if (question instanceof FreeTextQuestion) {
            xml.start("extendedTextInteraction").attribute("responseIdentifier", RESPONSE);
            prompt(xml, question.getText());
            xml.end();
        }
    }

    private void choices(XmlOut xml, Question question, List<Choice> choices, int maxChoices, boolean shuffle)
            throws XMLStreamException {
        xml.start("choiceInteraction").attribute("responseIdentifier", RESPONSE)
                .attribute("shuffle", Boolean.toString(shuffle))
                .attribute("maxChoices", Integer.toString(maxChoices));
        prompt(xml, question.getText());
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            xml.start("simpleChoice").attribute("identifier", choiceIdentifier(i)).text(choice.getText()).end();
            if (choice.getFeedback() != null && !choice.getFeedback().isBlank()) {
                problems.warn(NLS.bind(Messages.Export_choiceFeedback, FORMAT, choice.getText()));
            }
        }
        xml.end();
    }

    /**
     * Right: SCORE is the points. Otherwise SCORE is what the mapping gives (partial credit, accepted short
     * answers) or 0, and FEEDBACK shows the question's feedback.
     */
    private static void processing(XmlOut xml, Question question) throws XMLStreamException {
        String points = Integer.toString(question.getPoints());
        xml.start("responseProcessing").start("responseCondition");
        xml.start("responseIf");
        if (question instanceof NumericQuestion numeric) {
            if (numeric.getTolerance() == 0) {
                xml.start("equal").attribute("toleranceMode", "exact");
            } else {
                xml.start("equal").attribute("toleranceMode", "absolute").attribute("tolerance",
                        Numbers.format(numeric.getTolerance()));
            }
            xml.empty("variable", "identifier", RESPONSE).empty("correct", "identifier", RESPONSE).end();
        } else if (question instanceof ShortAnswerQuestion) {
            xml.start("gt").start("mapResponse").attribute("identifier", RESPONSE).end();
            xml.start("baseValue").attribute("baseType", "float").text("0").end();
            xml.end();
        } else {
            xml.start("match").empty("variable", "identifier", RESPONSE).empty("correct", "identifier", RESPONSE)
                    .end();
        }
        setOutcome(xml, "SCORE", "float", points);
        xml.end();
        xml.start("responseElse");
        boolean partial = question instanceof MultipleChoiceQuestion multiple && multiple.isPartialCredit();
        if (partial) {
            xml.start("setOutcomeValue").attribute("identifier", "SCORE").start("mapResponse")
                    .attribute("identifier", RESPONSE).end().end();
        } else {
            setOutcome(xml, "SCORE", "float", "0");
        }
        setOutcome(xml, "FEEDBACK", "identifier", WRONG);
        xml.end();
        xml.end().end();
    }

    private static void setOutcome(XmlOut xml, String identifier, String baseType, String value)
            throws XMLStreamException {
        xml.start("setOutcomeValue").attribute("identifier", identifier);
        xml.start("baseValue").attribute("baseType", baseType).text(value).end();
        xml.end();
    }

    private byte[] test(Quiz quiz, String identifier, Iterable<String> items) throws XMLStreamException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XmlOut xml = new XmlOut(bytes)) {
            xml.start("assessmentTest").namespace(QTI).namespace("xsi", XSI)
                    .attribute("xsi:schemaLocation", QTI_XSD).attribute("identifier", identifier)
                    .attribute("title", quiz.getTitle() == null ? identifier : quiz.getTitle());
            xml.start("outcomeDeclaration").attribute("identifier", "SCORE").attribute("cardinality", "single")
                    .attribute("baseType", "float");
            xml.start("defaultValue").element("value", "0").end();
            xml.end();
            if (quiz.getTimeLimitMinutes() != null) {
                xml.empty("timeLimits", "maxTime", Integer.toString(quiz.getTimeLimitMinutes() * 60));
            }
            xml.start("testPart").attribute("identifier", "part").attribute("navigationMode", "nonlinear")
                    .attribute("submissionMode", "simultaneous");
            xml.start("assessmentSection").attribute("identifier", "section").attribute("title",
                    quiz.getTitle() == null ? identifier : quiz.getTitle()).attribute("visible", "true");
            if (quiz.isShuffleQuestions()) {
                xml.empty("ordering", "shuffle", "true");
            }
            for (String item : items) {
                xml.empty("assessmentItemRef", "identifier", item, "href", "items/" + item + ".xml");
            }
            xml.end().end();
            xml.start("outcomeProcessing").start("setOutcomeValue").attribute("identifier", "SCORE");
            xml.start("sum").empty("testVariables", "variableIdentifier", "SCORE").end();
            xml.end().end();
            xml.end();
        }
        problems.warn(NLS.bind(Messages.Export_quizSettingsQti, FORMAT));
        return bytes.toByteArray();
    }

    private static byte[] manifest(String test, Iterable<String> items) throws XMLStreamException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XmlOut xml = new XmlOut(bytes)) {
            xml.start("manifest").namespace(IMSCP).namespace("xsi", XSI)
                    .attribute("xsi:schemaLocation", IMSCP + " http://www.imsglobal.org/xsd/imscp_v1p1.xsd")
                    .attribute("identifier", "MANIFEST-" + test);
            xml.start("metadata").element("schema", "QTIv2.1 Package").element("schemaversion", "1.0.0").end();
            xml.empty("organizations");
            xml.start("resources");
            xml.start("resource").attribute("identifier", "RES-" + test).attribute("type", "imsqti_test_xmlv2p1")
                    .attribute("href", "test.xml");
            xml.empty("file", "href", "test.xml");
            List<String> dependencies = new ArrayList<>();
            for (String item : items) {
                dependencies.add(item);
                xml.empty("dependency", "identifierref", "RES-" + item);
            }
            xml.end();
            for (String item : dependencies) {
                xml.start("resource").attribute("identifier", "RES-" + item).attribute("type", "imsqti_item_xmlv2p1")
                        .attribute("href", "items/" + item + ".xml");
                xml.empty("file", "href", "items/" + item + ".xml");
                xml.end();
            }
            xml.end().end();
        }
        return bytes.toByteArray();
    }

    private static List<String> rightIdentifiers(List<Choice> choices) {
        List<String> right = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).isCorrect()) {
                right.add(choiceIdentifier(i));
            }
        }
        return right;
    }

    private static String choiceIdentifier(int index) {
        return "C" + (index + 1);
    }

    /** QTI identifiers are XML names that start with a letter or underscore; a taken one gets a number. */
    private static String identifier(String id, Collection<String> taken) {
        String name = id.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
            name = "_" + name;
        }
        String unique = name;
        for (int n = 2; taken.contains(unique); n++) {
            unique = name + "-" + n;
        }
        return unique;
    }

    private static void prompt(XmlOut xml, String text) throws XMLStreamException {
        xml.element("prompt", text == null ? "" : text);
    }

    private static void paragraphs(XmlOut xml, String text) throws XMLStreamException {
        for (String paragraph : (text == null ? "" : text).split("\r?\n")) {
            xml.element("p", paragraph);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
