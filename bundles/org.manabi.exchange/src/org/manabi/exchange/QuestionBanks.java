package org.manabi.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.stream.XMLStreamException;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.osgi.util.NLS;
import org.manabi.exchange.ExchangeProblem.Severity;
import org.manabi.exchange.internal.GiftReader;
import org.manabi.exchange.internal.GiftWriter;
import org.manabi.exchange.internal.Messages;
import org.manabi.exchange.internal.MoodleXmlReader;
import org.manabi.exchange.internal.MoodleXmlWriter;
import org.manabi.exchange.internal.Qti21Writer;
import org.manabi.model.Choice;
import org.manabi.model.FreeTextQuestion;
import org.manabi.model.Identified;
import org.manabi.model.LikertQuestion;
import org.manabi.model.MultipleChoiceQuestion;
import org.manabi.model.Question;
import org.manabi.model.Quiz;
import org.manabi.model.SingleChoiceQuestion;

/**
 * Import and export of question banks. Importing is two steps, so that a person can look before anything
 * changes (the workbench's import wizard, {@code ./manabi import}):
 * <ol>
 * <li>{@link #read} parses a file into questions and problems, touching no quiz;</li>
 * <li>{@link #addTo} appends the questions to a quiz, with ids that are free in its content.</li>
 * </ol>
 * Saving the quiz's file is the caller's (through the content repository, or the editor's command stack).
 */
public final class QuestionBanks {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private QuestionBanks() {
    }

    /**
     * Reads a question bank. GIFT is read as UTF-8 (with or without byte order mark), or as Shift_JIS with a
     * warning when it is not UTF-8, as files saved by Japanese Windows often are; Moodle XML declares its own
     * encoding.
     *
     * @throws IllegalArgumentException for a format that cannot be read (QTI)
     */
    public static ImportResult read(byte[] content, QuestionFormat format) {
        return switch (format) {
            case GIFT -> readGift(content);
            case MOODLE_XML -> new MoodleXmlReader().read(content);
            case QTI21 -> throw new IllegalArgumentException(format.key() + " is written only");
        };
    }

    private static ImportResult readGift(byte[] content) {
        String text;
        ExchangeProblem encoding = null;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            text = new String(content, SHIFT_JIS);
            encoding = new ExchangeProblem(Severity.WARNING, 0, null, Messages.Import_notUtf8);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        ImportResult result = new GiftReader().read(text);
        if (encoding == null) {
            return result;
        }
        List<ExchangeProblem> problems = new ArrayList<>();
        problems.add(encoding);
        problems.addAll(result.problems());
        return new ImportResult(result.questions(), problems);
    }

    /**
     * Writes a quiz's questions in a format; GIFT and Moodle XML as UTF-8 text, QTI 2.1 as a zip.
     *
     * @return what the format could not carry: warnings (a part left out) and errors (a question left out)
     */
    public static List<ExchangeProblem> write(Quiz quiz, QuestionFormat format, OutputStream out) throws IOException {
        try {
            switch (format) {
                case GIFT -> {
                    GiftWriter writer = new GiftWriter();
                    out.write(writer.write(quiz).getBytes(StandardCharsets.UTF_8));
                    return writer.problems();
                }
                case MOODLE_XML -> {
                    MoodleXmlWriter writer = new MoodleXmlWriter();
                    writer.write(quiz, out);
                    return writer.problems();
                }
                case QTI21 -> {
                    Qti21Writer writer = new Qti21Writer();
                    writer.write(quiz, out);
                    return writer.problems();
                }
                default -> throw new IllegalArgumentException(format.key());
            }
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Appends the questions read to a quiz. Each keeps the id its file proposed when that id is free in the
     * quiz's content (every file of its resource set); otherwise it gets {@code <quiz id>-q<n>}, and a
     * warning says so. Choices get {@code <question id>-a}, {@code -b} …. Questions a quiz cannot grade
     * (free text, Likert) are skipped with an error: they belong in a survey.
     *
     * @return the questions added, and the problems of reading followed by those of adding
     */
    public static ImportResult addTo(Quiz quiz, ImportResult read) {
        Set<String> taken = takenIds(quiz);
        List<ImportedQuestion> added = new ArrayList<>();
        List<ExchangeProblem> problems = new ArrayList<>(read.problems());
        int next = quiz.getQuestions().size() + 1;
        for (ImportedQuestion imported : read.questions()) {
            Question question = imported.question();
            if (question instanceof FreeTextQuestion || question instanceof LikertQuestion) {
                problems.add(new ExchangeProblem(Severity.ERROR, imported.line(), imported.label(),
                        Messages.Import_notGradable));
                continue;
            }
            String proposed = question.getId();
            if (proposed == null || taken.contains(proposed)) {
                String id;
                do {
                    id = String.format("%s-q%02d", quiz.getId(), next++);
                } while (taken.contains(id));
                if (proposed != null) {
                    problems.add(new ExchangeProblem(Severity.WARNING, imported.line(), imported.label(),
                            NLS.bind(Messages.Import_idTaken, proposed, id)));
                }
                question.setId(id);
            }
            taken.add(question.getId());
            List<Choice> choices = question instanceof SingleChoiceQuestion single ? single.getChoices()
                    : question instanceof MultipleChoiceQuestion multiple ? multiple.getChoices() : List.of();
            for (int i = 0; i < choices.size(); i++) {
                String id = question.getId() + "-" + choiceSuffix(i);
                for (int n = 2; taken.contains(id); n++) {
                    id = question.getId() + "-" + choiceSuffix(i) + n;
                }
                choices.get(i).setId(id);
                taken.add(id);
            }
            quiz.getQuestions().add(question);
            added.add(imported);
        }
        return new ImportResult(added, problems);
    }

    /** a … z, then 27, 28 …: the content's own choices are lettered the same way. */
    private static String choiceSuffix(int index) {
        return index < 26 ? Character.toString('a' + index) : Integer.toString(index + 1);
    }

    private static Set<String> takenIds(Quiz quiz) {
        Set<String> taken = new HashSet<>();
        Resource resource = quiz.eResource();
        List<EObject> roots = resource == null ? List.of(EcoreUtil.getRootContainer(quiz))
                : resource.getResourceSet() == null ? resource.getContents()
                        : resource.getResourceSet().getResources().stream().flatMap(r -> r.getContents().stream())
                                .toList();
        for (EObject root : roots) {
            collect(root, taken);
            for (TreeIterator<EObject> all = root.eAllContents(); all.hasNext();) {
                collect(all.next(), taken);
            }
        }
        return taken;
    }

    private static void collect(EObject object, Set<String> taken) {
        if (object instanceof Identified identified && identified.getId() != null) {
            taken.add(identified.getId());
        }
    }
}
