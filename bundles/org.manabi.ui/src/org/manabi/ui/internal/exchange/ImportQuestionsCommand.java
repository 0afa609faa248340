package org.manabi.ui.internal.exchange;

import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.command.AbstractCommand;
import org.manabi.exchange.ImportResult;
import org.manabi.exchange.QuestionBanks;
import org.manabi.model.Question;
import org.manabi.model.Quiz;

/**
 * Appends the questions read from a bank to a quiz ({@link QuestionBanks#addTo}, which gives them
 * ids free in the content), undoably. Undo takes exactly those questions out again and redo puts
 * them back: the import only appends new objects, so nothing else needs recording (and EMF's
 * ChangeCommand would need org.eclipse.emf.ecore.change, which the product does not carry).
 */
final class ImportQuestionsCommand extends AbstractCommand {

    private final Quiz quiz;
    private final ImportResult read;
    private List<Question> added = List.of();
    private ImportResult outcome;

    ImportQuestionsCommand(Quiz quiz, ImportResult read) {
        super(Messages.Import_command);
        this.quiz = quiz;
        this.read = read;
    }

    @Override
    protected boolean prepare() {
        return !read.questions().isEmpty();
    }

    @Override
    public void execute() {
        int before = quiz.getQuestions().size();
        outcome = QuestionBanks.addTo(quiz, read);
        added = List.copyOf(quiz.getQuestions().subList(before, quiz.getQuestions().size()));
    }

    @Override
    public void undo() {
        quiz.getQuestions().removeAll(added);
    }

    @Override
    public void redo() {
        quiz.getQuestions().addAll(added);
    }

    /** The questions added and every problem, those of reading and those of adding (ids already taken). */
    ImportResult outcome() {
        return outcome;
    }

    @Override
    public Collection<?> getResult() {
        return added;
    }

    @Override
    public Collection<?> getAffectedObjects() {
        return added.isEmpty() ? List.of(quiz) : added;
    }
}
