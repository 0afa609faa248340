package org.manabi.exchange.internal;

import java.util.ArrayList;
import java.util.List;

import org.manabi.exchange.ExchangeProblem;
import org.manabi.exchange.ExchangeProblem.Severity;

/** Collects the problems of one import or export, each tied to the question being worked on. */
public final class Problems {

    private final List<ExchangeProblem> problems = new ArrayList<>();
    private int line;
    private String question;

    /** From now on, problems belong to this question (null: the whole file), starting at this line (0: none). */
    public void at(int line, String question) {
        this.line = line;
        this.question = question;
    }

    public void warn(String message) {
        problems.add(new ExchangeProblem(Severity.WARNING, line, question, message));
    }

    public void error(String message) {
        problems.add(new ExchangeProblem(Severity.ERROR, line, question, message));
    }

    /** An error at another line than the question's, e.g. where a parser stopped. */
    public void errorAt(int line, String message) {
        problems.add(new ExchangeProblem(Severity.ERROR, line, question, message));
    }

    public List<ExchangeProblem> list() {
        return List.copyOf(problems);
    }
}
