package org.manabi.app.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

import org.manabi.app.internal.CommandErrors.Failure;
import org.manabi.exchange.ExchangeProblem;
import org.manabi.exchange.QuestionBanks;
import org.manabi.exchange.QuestionFormat;
import org.manabi.model.Quiz;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code manabi export --quiz ID --format gift|moodlexml|qti21 --out FILE}: writes a quiz's questions. The file
 * appears whole or not at all (written beside, then moved). Stdout says how many questions were written;
 * stderr names, per question, what the format could not carry. Exit 0 written; 1 bad content or quiz, or the
 * file cannot be written; 2 usage.
 */
@Command(mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--content", paramLabel = "DIR", descriptionKey = "option.content")
    private Path content = Path.of("content");

    @Option(names = "--quiz", paramLabel = "ID", descriptionKey = "option.quiz.export")
    private String quizId;

    @Option(names = "--format", required = true, paramLabel = "gift|moodlexml|qti21",
            descriptionKey = "option.format.export")
    private String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "option.out.export")
    private Path out;

    @Override
    public Integer call() {
        CommandErrors errors = new CommandErrors(spec);
        try {
            return export(errors);
        } catch (Failure failure) {
            return errors.report(failure);
        }
    }

    private int export(CommandErrors errors) throws Failure {
        QuestionFormat chosen = QuestionFormat.ofKey(format);
        if (chosen == null) {
            throw errors.usage(errors.text("export.badFormat", format));
        }
        Quiz quiz = ContentQuizzes.open(content, quizId, "export.noQuiz", errors).quiz();
        List<ExchangeProblem> problems;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            problems = QuestionBanks.write(quiz, chosen, bytes);
            writeWhole(bytes.toByteArray());
        } catch (IOException e) {
            throw errors.badInput(errors.text("export.cannotWrite", out, e.getMessage()));
        }
        long leftOut = problems.stream().filter(p -> p.severity() == ExchangeProblem.Severity.ERROR).count();
        for (ExchangeProblem problem : problems) {
            spec.commandLine().getErr().println(problem.format(quiz.getId()));
        }
        spec.commandLine().getOut()
                .println(errors.text("export.summary", quiz.getQuestions().size() - leftOut, leftOut, out));
        return 0;
    }

    /** A half-written export must never stand where a good one was: write beside, then move over. */
    private void writeWhole(byte[] content) throws IOException {
        Path target = out.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
