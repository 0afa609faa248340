package org.manabi.exchange.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.eclipse.osgi.util.NLS;
import org.manabi.exchange.ImportResult;
import org.manabi.exchange.ImportedQuestion;
import org.manabi.model.NumericQuestion;
import org.manabi.model.Question;

/**
 * Reads Moodle XML question banks ({@code <quiz><question type="…">…}) with StAX, DTDs and external entities
 * off. Each {@code <question>} is read on its own: one Manabi cannot map is reported with the line of its
 * element and skipped. Where the XML itself breaks, the questions before the break are kept and the error
 * names the line the parser stopped at.
 */
public final class MoodleXmlReader {

    /** Moodle's default texts for combined feedback, which say nothing a question's author wrote. */
    private static final Set<String> DEFAULT_FEEDBACK = Set.of("Your answer is correct.",
            "Your answer is partially correct.", "Your answer is incorrect.");

    private final Problems problems = new Problems();
    private final QuestionMapper mapper = new QuestionMapper(problems);
    private final List<ImportedQuestion> questions = new ArrayList<>();
    private String category;
    private int number;

    public ImportResult read(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (depth == 0 && !reader.getLocalName().equals("quiz")) {
                        problems.at(reader.getLocation().getLineNumber(), null);
                        problems.error(NLS.bind(Messages.Moodle_notAQuiz, reader.getLocalName()));
                        break;
                    }
                    if (depth == 1 && reader.getLocalName().equals("question")) {
                        number++;
                        problems.at(reader.getLocation().getLineNumber(), "#" + number);
                        question(XmlNode.read(reader));
                        continue;
                    }
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            problems.errorAt(Math.max(line, 0), NLS.bind(Messages.Moodle_malformed, cleanMessage(e)));
        } finally {
            close(reader);
        }
        return new ImportResult(questions, problems.list());
    }

    private void question(XmlNode node) {
        String type = node.attribute("type") == null ? "" : node.attribute("type");
        if (type.equals("category")) {
            number--;
            String path = node.value("category");
            category = path == null ? null : Categories.fromMoodle(path);
            return;
        }
        String title = node.value("name");
        String label = title == null || title.isEmpty() ? "#" + number : title;
        problems.at(node.line(), label);
        try {
            String feedback = text(node.child("generalfeedback"));
            Question question = switch (type) {
                case "multichoice" -> choices(node);
                case "multichoiceset" -> mapper.multiple(answers(node), true);
                case "truefalse" -> trueFalse(node, feedback);
                case "shortanswer" -> shortAnswer(node);
                case "numerical" -> numeric(node);
                case "essay" -> mapper.freeText();
                case "description" -> throw new Unreadable(Messages.Import_description);
                case "matching", "ddmatch" -> throw new Unreadable(Messages.Import_matchingNotSupported);
                default -> throw new Unreadable(NLS.bind(Messages.Moodle_typeNotSupported, type));
            };
            String text = text(node.child("questiontext"));
            if (text.isEmpty()) {
                throw new Unreadable(Messages.Import_noText);
            }
            if (question.getFeedback() != null) {
                feedback = question.getFeedback(); // a true/false question's, chosen from its answers' feedback
            }
            points(question, node.value("defaultgrade"));
            notKept(node);
            mapper.common(question, title, node.value("idnumber"), text, feedback, category);
            questions.add(new ImportedQuestion(question, node.line(), label));
        } catch (Unreadable e) {
            problems.error(e.getMessage());
        }
    }

    private Question choices(XmlNode node) throws Unreadable {
        String single = node.value("single");
        boolean isSingle = single == null || single.equalsIgnoreCase("true") || single.equals("1");
        List<Answer> answers = answers(node);
        return isSingle ? mapper.single(answers) : mapper.multiple(answers, false);
    }

    /** Moodle's true/false has two answers, "true" and "false", each with its feedback. */
    private Question trueFalse(XmlNode node, String general) throws Unreadable {
        Boolean answer = null;
        String wrongFeedback = "";
        String rightFeedback = "";
        for (XmlNode written : node.all("answer")) {
            boolean right = fraction(written) >= 99.99;
            String value = written.value("text") == null ? written.text().strip() : written.value("text");
            String feedback = text(written.child("feedback"));
            if (right) {
                answer = switch (value.toLowerCase(Locale.ROOT)) {
                    case "true", "1" -> Boolean.TRUE;
                    case "false", "0" -> Boolean.FALSE;
                    default -> null;
                };
                rightFeedback = feedback;
            } else {
                wrongFeedback = feedback;
            }
        }
        if (answer == null) {
            throw new Unreadable(Messages.Import_noFullMarks);
        }
        Question question = mapper.trueFalse(answer);
        String feedback = mapper.trueFalseFeedback(general, wrongFeedback, rightFeedback);
        question.setFeedback(feedback == null || feedback.isEmpty() ? null : feedback);
        return question;
    }

    private Question shortAnswer(XmlNode node) throws Unreadable {
        String useCase = node.value("usecase");
        if (useCase != null && (useCase.equals("1") || useCase.equalsIgnoreCase("true"))) {
            problems.warn(Messages.Import_caseSensitive);
        }
        return mapper.shortAnswer(answers(node));
    }

    private Question numeric(XmlNode node) throws Unreadable {
        List<Answer> numbers = new ArrayList<>();
        for (XmlNode written : node.all("answer")) {
            String value = answerText(written);
            double fraction = fraction(written);
            String feedback = text(written.child("feedback"));
            if (value.equals("*")) {
                // Moodle's "any other answer": only its feedback says something, and the model has no place for it
                if (!feedback.isEmpty()) {
                    problems.warn(NLS.bind(Messages.Import_answerFeedbackNotKept, "*", feedback));
                }
                continue;
            }
            String tolerance = written.value("tolerance");
            numbers.add(new Answer(Numbers.format(Numbers.parse(value)), fraction, feedback.isEmpty() ? null : feedback,
                    tolerance == null || tolerance.isEmpty() ? 0 : Numbers.parse(tolerance)));
        }
        if (numbers.isEmpty()) {
            throw new Unreadable(Messages.Import_noFullMarks);
        }
        NumericQuestion question = mapper.numeric(numbers);
        XmlNode units = node.child("units");
        if (units != null) {
            List<String> others = new ArrayList<>();
            for (XmlNode unit : units.all("unit")) {
                String name = unit.value("unit_name");
                String multiplier = unit.value("multiplier");
                boolean base = multiplier == null || Numbers.parse(multiplier) == 1;
                if (base && question.getUnit() == null && name != null && !name.isEmpty()) {
                    question.setUnit(name);
                } else if (name != null) {
                    others.add(name + " ×" + multiplier);
                }
            }
            if (!others.isEmpty()) {
                problems.warn(NLS.bind(Messages.Import_unitsNotKept, String.join(", ", others)));
            }
        }
        return question;
    }

    private List<Answer> answers(XmlNode node) throws Unreadable {
        List<Answer> answers = new ArrayList<>();
        for (XmlNode written : node.all("answer")) {
            String feedback = text(written.child("feedback"));
            answers.add(new Answer(answerText(written), fraction(written), feedback.isEmpty() ? null : feedback));
        }
        return answers;
    }

    /** An answer's text in the answer's own format (Moodle writes it as an attribute of {@code <answer>}). */
    private String answerText(XmlNode answer) {
        XmlNode text = answer.child("text");
        String raw = text == null ? answer.text() : text.text();
        return convert(raw, answer.attribute("format"));
    }

    private static double fraction(XmlNode answer) throws Unreadable {
        String fraction = answer.attribute("fraction");
        return fraction == null || fraction.isBlank() ? 0 : Numbers.parse(fraction);
    }

    private void points(Question question, String defaultGrade) throws Unreadable {
        if (defaultGrade == null || defaultGrade.isEmpty()) {
            return;
        }
        double grade = Numbers.parse(defaultGrade);
        long points = Math.round(grade);
        if (Math.abs(grade - points) > 1e-6) {
            problems.warn(NLS.bind(Messages.Import_pointsRounded, Numbers.format(grade), points));
        }
        question.setPoints((int) points);
    }

    /** Moodle's parts that the model has no place for, named so that nothing disappears unseen. */
    private void notKept(XmlNode node) {
        for (String part : List.of("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")) {
            String text = text(node.child(part));
            if (!text.isEmpty() && !DEFAULT_FEEDBACK.contains(text)) {
                problems.warn(NLS.bind(Messages.Moodle_partNotKept, part, text));
            }
        }
        for (XmlNode hint : node.all("hint")) {
            String text = text(hint);
            if (!text.isEmpty()) {
                problems.warn(NLS.bind(Messages.Moodle_partNotKept, "hint", text));
            }
        }
        XmlNode tags = node.child("tags");
        if (tags != null && !tags.all("tag").isEmpty()) {
            List<String> names = new ArrayList<>();
            for (XmlNode tag : tags.all("tag")) {
                names.add(tag.value("text") == null ? tag.text().strip() : tag.value("text"));
            }
            problems.warn(NLS.bind(Messages.Import_tagsNotKept, String.join(", ", names)));
        }
        for (String part : List.of("graderinfo", "responsetemplate")) {
            String text = text(node.child(part));
            if (!text.isEmpty()) {
                problems.warn(NLS.bind(Messages.Moodle_partNotKept, part, text));
            }
        }
    }

    /** The text of a Moodle text element ({@code <x format="html"><text>…</text><file …/></x>}), plain. */
    private String text(XmlNode element) {
        if (element == null) {
            return "";
        }
        for (XmlNode file : element.all("file")) {
            problems.warn(NLS.bind(Messages.Moodle_fileNotKept, file.attribute("name")));
        }
        XmlNode text = element.child("text");
        return convert(text == null ? element.text() : text.text(), element.attribute("format"));
    }

    private String convert(String raw, String format) {
        String value = raw == null ? "" : raw;
        if (value.contains("@@PLUGINFILE@@")) {
            problems.warn(NLS.bind(Messages.Moodle_fileNotKept, value.replaceAll("(?s).*@@PLUGINFILE@@/([^\"'>\\s]*).*", "$1")));
        }
        if (format == null || format.equals("html") || format.equals("moodle_auto_format")) {
            // Moodle's auto format turns line ends into line breaks; HTML ignores them
            return PlainText.fromHtml("moodle_auto_format".equals(format) ? value.replace("\n", "<br>") : value,
                    problems);
        }
        return value.strip();
    }

    private static String cleanMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        // the JDK prefixes "ParseError at [row,col]:[3,5]\nMessage: "; the line is said separately
        int start = message.indexOf("Message:");
        return (start >= 0 ? message.substring(start + "Message:".length()) : message).strip();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // reading is over; nothing was written
            }
        }
    }
}
