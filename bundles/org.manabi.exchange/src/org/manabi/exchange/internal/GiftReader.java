package org.manabi.exchange.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;
import org.manabi.exchange.ImportResult;
import org.manabi.exchange.ImportedQuestion;
import org.manabi.model.Question;

/**
 * Reads Moodle's GIFT format the way Moodle does: questions are separated by blank lines, {@code //} lines are
 * comments (where {@code [id:…]} and {@code [tag:…]} live), {@code $CATEGORY:} sets the category of the
 * questions after it, {@code ::title::} and {@code [html]} may start a question, and the answer block
 * {@code {…}} decides the type. A question that cannot be read is reported with its line and skipped; the
 * others are still read.
 */
public final class GiftReader {

    /** Placeholders for the escaped characters, from the Unicode private use area. */
    private static final String ESCAPABLE = "\\:#={}~";
    private static final char FIRST_PLACEHOLDER = '\uE000';
    private static final Pattern WEIGHT = Pattern.compile("^%\\s*(-?[0-9]+(?:[.,][0-9]*)?)\\s*%");
    private static final Pattern ID_TOKEN = Pattern.compile("\\[id:((?:\\\\]|[^\\]\\p{Cntrl}])+)]");
    private static final Pattern TAG_TOKEN = Pattern.compile("\\[tag:((?:\\\\]|[^\\]\\p{Cntrl}])+)]");
    private static final Pattern FORMAT = Pattern.compile("^\\[(html|moodle|plain|markdown)]",
            Pattern.CASE_INSENSITIVE);

    private final Problems problems = new Problems();
    private final QuestionMapper mapper = new QuestionMapper(problems);
    private final List<ImportedQuestion> questions = new ArrayList<>();
    private String category;
    private int number;

    /** Reads the text of a GIFT file (without byte order mark). */
    public ImportResult read(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<String> block = new ArrayList<>();
        StringBuilder comments = new StringBuilder();
        int firstLine = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    question(String.join("\n", block).strip(), comments.toString(), firstLine);
                }
                block.clear();
                comments.setLength(0);
                firstLine = 0;
            } else if (line.strip().startsWith("//")) {
                comments.append(line.strip()).append('\n');
            } else {
                if (block.isEmpty()) {
                    firstLine = i + 1;
                }
                block.add(line);
            }
        }
        return new ImportResult(questions, problems.list());
    }

    private void question(String source, String comments, int line) {
        String text = protect(source);
        if (text.startsWith("$CATEGORY:")) {
            category = Categories.fromMoodle(restore(text.substring("$CATEGORY:".length())));
            return;
        }
        number++;
        problems.at(line, "#" + number);
        String title = null;
        if (text.startsWith("::")) {
            int end = text.indexOf("::", 2);
            if (end < 0) {
                problems.error(Messages.Gift_titleNotClosed);
                return;
            }
            title = restore(text.substring(2, end)).strip();
            text = text.substring(end + 2).strip();
            if (!title.isEmpty()) {
                problems.at(line, title);
            }
        }
        try {
            Question question = parse(text, title, comments);
            questions.add(new ImportedQuestion(question, line, title == null || title.isEmpty() ? "#" + number : title));
        } catch (Unreadable e) {
            problems.error(e.getMessage());
        }
    }

    private Question parse(String text, String title, String comments) throws Unreadable {
        int open = text.indexOf('{');
        int close = text.indexOf('}');
        if (open < 0 && close < 0) {
            throw new Unreadable(Messages.Import_description);
        }
        if (close < 0) {
            throw new Unreadable(Messages.Gift_notClosed);
        }
        if (open < 0 || close < open) {
            throw new Unreadable(Messages.Gift_braceWithoutOpen);
        }
        if (text.indexOf('{', close) >= 0) {
            throw new Unreadable(Messages.Gift_severalBlocks);
        }
        String answers = text.substring(open + 1, close).strip();
        // text after the block is Moodle's "missing word" form: the blank stays in the question text
        String questionSource = text.substring(close + 1).isBlank() ? text.substring(0, open)
                : text.substring(0, open) + "_____" + text.substring(close + 1);
        String format = "moodle";
        Matcher marker = FORMAT.matcher(questionSource);
        if (marker.find()) {
            format = marker.group(1).toLowerCase(Locale.ROOT);
            questionSource = questionSource.substring(marker.end());
        }
        String questionText = text(questionSource, format);
        if (questionText.isEmpty()) {
            throw new Unreadable(Messages.Import_noText);
        }
        String general = null;
        int generalStart = answers.lastIndexOf("####");
        if (generalStart >= 0) {
            general = text(answers.substring(generalStart + 4), format);
            answers = answers.substring(0, generalStart).strip();
        }

        Boolean trueFalse = trueFalse(answers);
        Question question;
        if (answers.isEmpty()) {
            question = mapper.freeText();
        } else if (answers.startsWith("#")) {
            question = mapper.numeric(numericAnswers(answers.substring(1).strip(), format));
        } else if (answers.indexOf('~') >= 0) {
            List<Answer> choices = choices(answers, format);
            question = answers.indexOf('=') >= 0 ? mapper.single(choices) : mapper.multiple(choices, false);
        } else if (answers.indexOf('=') >= 0 && answers.contains("->")) {
            throw new Unreadable(Messages.Import_matchingNotSupported);
        } else if (trueFalse != null) {
            String[] parts = answers.split("#", 3);
            question = mapper.trueFalse(trueFalse);
            String wrong = parts.length > 1 ? text(parts[1], format) : "";
            String right = parts.length > 2 ? text(parts[2], format) : "";
            general = mapper.trueFalseFeedback(general, wrong, right);
        } else if (answers.startsWith("=")) {
            question = mapper.shortAnswer(shortAnswers(answers, format));
        } else {
            throw new Unreadable(NLS.bind(Messages.Gift_unknownAnswers, restore(answers)));
        }
        mapper.common(question, title, idNumber(comments), questionText, general, category);
        return question;
    }

    private static Boolean trueFalse(String answers) {
        String value = answers.split("#", 2)[0].strip().toUpperCase(Locale.ROOT);
        return switch (value) {
            case "T", "TRUE" -> Boolean.TRUE;
            case "F", "FALSE" -> Boolean.FALSE;
            default -> null;
        };
    }

    private List<Answer> choices(String answers, String format) {
        List<Answer> choices = new ArrayList<>();
        for (String part : answers.replace("=", "~=").split("~")) {
            if (!part.isBlank()) {
                boolean right = part.startsWith("=");
                choices.add(answer(right ? part.substring(1) : part, right ? 100 : 0, format));
            }
        }
        return choices;
    }

    private List<Answer> shortAnswers(String answers, String format) {
        List<Answer> accepted = new ArrayList<>();
        for (String part : answers.split("=")) {
            if (!part.isBlank()) {
                accepted.add(answer(part, 100, format));
            }
        }
        return accepted;
    }

    private List<Answer> numericAnswers(String block, String format) throws Unreadable {
        String answers = block;
        int anyOther = answers.indexOf('~');
        if (anyOther >= 0) {
            // Moodle writes "~#feedback" for any other answer: only its feedback says something
            for (String part : answers.substring(anyOther + 1).split("~")) {
                Answer other = answer(part, 0, format);
                if (other.feedback() != null) {
                    problems.warn(NLS.bind(Messages.Import_answerFeedbackNotKept, "*", other.feedback()));
                }
            }
            answers = answers.substring(0, anyOther);
        }
        List<Answer> numbers = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (answers.indexOf('=') >= 0) {
            for (String part : answers.split("=")) {
                if (!part.isBlank()) {
                    parts.add(part);
                }
            }
        } else {
            parts.add(answers);
        }
        for (String part : parts) {
            Answer written = answer(part, 100, format);
            numbers.add(number(written));
        }
        if (numbers.isEmpty()) {
            throw new Unreadable(Messages.Import_noFullMarks);
        }
        return numbers;
    }

    /** {@code 3.14:0.01}, {@code 1..3} (the middle, half the width) or {@code 42}. */
    private static Answer number(Answer written) throws Unreadable {
        String value = written.text();
        double answer;
        double tolerance = 0;
        int range = value.indexOf("..");
        int colon = value.indexOf(':');
        if (range > 0) {
            double low = Numbers.parse(value.substring(0, range));
            double high = Numbers.parse(value.substring(range + 2));
            answer = (low + high) / 2;
            tolerance = Math.abs(high - low) / 2;
        } else if (colon > 0) {
            answer = Numbers.parse(value.substring(0, colon));
            tolerance = Numbers.parse(value.substring(colon + 1));
        } else {
            answer = Numbers.parse(value);
        }
        return new Answer(Numbers.format(answer), written.weight(), written.feedback(), tolerance);
    }

    /** One answer of a block: an optional {@code %weight%}, the text, an optional {@code #feedback}. */
    private Answer answer(String part, double weight, String format) {
        String rest = part.strip();
        Matcher percent = WEIGHT.matcher(rest);
        if (percent.find()) {
            weight = Double.parseDouble(percent.group(1).replace(',', '.'));
            rest = rest.substring(percent.end());
        }
        String feedback = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            feedback = text(rest.substring(hash + 1), format);
            rest = rest.substring(0, hash);
        }
        return new Answer(text(rest, format), weight, feedback == null || feedback.isEmpty() ? null : feedback);
    }

    /** A piece of the question as the model keeps it: escapes undone, an own {@code [format]} honoured. */
    private String text(String source, String inherited) {
        String format = inherited;
        String rest = source.strip();
        Matcher marker = FORMAT.matcher(rest);
        if (marker.find()) {
            format = marker.group(1).toLowerCase(Locale.ROOT);
            rest = rest.substring(marker.end());
        }
        String text = restore(rest).strip();
        // Moodle's own format is HTML whose line ends are line breaks; plain and markdown are kept as written
        return switch (format) {
            case "html" -> PlainText.fromHtml(text, problems);
            case "moodle" -> PlainText.fromHtml(text.replace("\n", "<br>"), problems);
            default -> text;
        };
    }

    private String idNumber(String comments) {
        Matcher id = ID_TOKEN.matcher(comments);
        String idNumber = id.find() ? id.group(1).replace("\\]", "]").strip() : null;
        List<String> tags = new ArrayList<>();
        Matcher tag = TAG_TOKEN.matcher(comments);
        while (tag.find()) {
            tags.add(tag.group(1).replace("\\]", "]").strip());
        }
        if (!tags.isEmpty()) {
            problems.warn(NLS.bind(Messages.Import_tagsNotKept, String.join(", ", tags)));
        }
        return idNumber;
    }

    /** Replaces {@code \\}, {@code \:} … with placeholders, so that splitting on the markers ignores them. */
    private static String protect(String text) {
        StringBuilder protectedText = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                int escaped = ESCAPABLE.indexOf(next);
                if (escaped >= 0) {
                    protectedText.append((char) (FIRST_PLACEHOLDER + escaped));
                    i++;
                    continue;
                }
                if (next == 'n') {
                    protectedText.append('\n');
                    i++;
                    continue;
                }
            }
            protectedText.append(c);
        }
        return protectedText.toString();
    }

    private static String restore(String text) {
        StringBuilder restored = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int escaped = c - FIRST_PLACEHOLDER;
            restored.append(escaped >= 0 && escaped < ESCAPABLE.length() ? ESCAPABLE.charAt(escaped) : c);
        }
        return restored.toString();
    }
}
