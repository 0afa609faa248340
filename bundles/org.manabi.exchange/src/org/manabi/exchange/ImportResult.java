package org.manabi.exchange;

import java.util.List;

/**
 * What reading a question bank gave: the questions that could be read and the problems met, in file order.
 * Nothing is changed until {@link QuestionBanks#addTo} is called with it (after the user confirms).
 *
 * @param questions the questions read
 * @param problems errors (a question skipped) and warnings (a question kept, something in it not)
 */
public record ImportResult(List<ImportedQuestion> questions, List<ExchangeProblem> problems) {

    public ImportResult {
        questions = List.copyOf(questions);
        problems = List.copyOf(problems);
    }

    /** How many questions (or unreadable parts of the file) were skipped: one per error. */
    public long skipped() {
        return problems.stream().filter(p -> p.severity() == ExchangeProblem.Severity.ERROR).count();
    }
}
