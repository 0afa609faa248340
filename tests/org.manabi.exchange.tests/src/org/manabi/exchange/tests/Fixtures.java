package org.manabi.exchange.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import org.manabi.exchange.ExchangeProblem;
import org.manabi.exchange.ImportResult;
import org.manabi.exchange.ImportedQuestion;
import org.manabi.model.ManabiFactory;
import org.manabi.model.Question;
import org.manabi.model.Quiz;

/** The banks beside these tests, and small helpers to look into results. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Question question(ImportResult result, String label) {
        return result.questions().stream().filter(q -> q.label().equals(label)).map(ImportedQuestion::question)
                .findFirst().orElseThrow(() -> new AssertionError(label + " not among " + labels(result)));
    }

    static List<String> labels(ImportResult result) {
        return result.questions().stream().map(ImportedQuestion::label).toList();
    }

    /** The problems of one question (by label) or of the file (null), as "line: severity: message" lines. */
    static List<String> problems(ImportResult result, String label) {
        return result.problems().stream()
                .filter(p -> label == null ? p.question() == null : label.equals(p.question()))
                .map(p -> p.format("f")).toList();
    }

    static String all(List<ExchangeProblem> problems) {
        return problems.stream().map(p -> p.format("f")).collect(Collectors.joining("\n"));
    }

    static Quiz quiz(String id) {
        Quiz quiz = ManabiFactory.eINSTANCE.createQuiz();
        quiz.setId(id);
        quiz.setTitle("Quiz " + id);
        return quiz;
    }
}
