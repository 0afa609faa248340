package org.manabi.app.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.manabi.app.internal.CommandErrors.Failure;
import org.manabi.exchange.ExchangeProblem;
import org.manabi.exchange.ImportResult;
import org.manabi.exchange.QuestionBanks;
import org.manabi.exchange.QuestionFormat;
import org.manabi.model.Quiz;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code manabi import --quiz ID FILE}: appends the readable questions of a GIFT or Moodle XML bank to a quiz
 * and saves its content file atomically. Stdout: "N questions imported, M skipped", then a line per skipped
 * question (file:line, question, reason); what an imported question lost goes to stderr as warnings. Without
 * {@code --quiz} it imports nothing and lists the quiz ids (a quiz belongs to a seminar, so there is no sensible
 * place for a new one). Exit 0: all imported; 1: the file, content or quiz is bad, or a question was skipped
 * (the readable ones are imported all the same); 2: usage.
 */
@Command(mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--content", paramLabel = "DIR", descriptionKey = "option.content")
    private Path content = Path.of("content");

    @Option(names = "--quiz", paramLabel = "ID", descriptionKey = "option.quiz.import")
    private String quizId;

    @Option(names = "--format", paramLabel = "gift|moodlexml", descriptionKey = "option.format.import")
    private String format;

    @Parameters(paramLabel = "FILE", descriptionKey = "option.bank")
    private Path file;

    @Override
    public Integer call() {
        CommandErrors errors = new CommandErrors(spec);
        try {
            return importBank(errors);
        } catch (Failure failure) {
            return errors.report(failure);
        }
    }

    private int importBank(CommandErrors errors) throws Failure {
        QuestionFormat chosen = null;
        if (format != null) {
            chosen = QuestionFormat.ofKey(format);
            if (chosen == null || !chosen.readable()) {
                throw errors.usage(errors.text("import.badFormat", format));
            }
        }
        byte[] bank;
        try {
            bank = Files.readAllBytes(file);
        } catch (IOException e) {
            throw errors.badInput(errors.text("import.unreadable", file, e.getMessage()));
        }
        if (chosen == null) {
            chosen = QuestionFormat.guess(file.getFileName().toString(), bank);
            if (chosen == null) {
                throw errors.usage(errors.text("import.unknownFormat", file));
            }
        }
        ContentQuizzes target = ContentQuizzes.open(content, quizId, "import.noQuiz", errors);
        Quiz quiz = target.quiz();
        Path quizFile = target.repository().relativePath(quiz.eResource());

        ImportResult result = QuestionBanks.addTo(quiz, QuestionBanks.read(bank, chosen));
        if (!result.questions().isEmpty()) {
            try {
                target.repository().save(quiz.eResource());
            } catch (IOException e) {
                throw errors.badInput(errors.text("import.cannotSave", quizFile, e.getMessage()));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println(errors.text("import.summary", result.questions().size(), result.skipped()));
        for (ExchangeProblem problem : result.problems()) {
            (problem.severity() == ExchangeProblem.Severity.ERROR ? out : err).println(problem.format(file.toString()));
        }
        err.println(errors.text("import.into", quiz.getId(), quizFile));
        return result.skipped() > 0 ? 1 : 0;
    }
}
