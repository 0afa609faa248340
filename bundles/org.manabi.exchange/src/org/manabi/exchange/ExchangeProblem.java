package org.manabi.exchange;

/**
 * Something an import or an export could not do as asked, attached to a question where there is one.
 *
 * @param severity {@link Severity#ERROR}: the question was skipped; {@link Severity#WARNING}: it was kept, but
 *        something in it could not be carried across
 * @param line the 1-based line in the file read, or 0 when there is none (exports, whole-file problems)
 * @param question the question's title, id or number ("#3"), or null for the whole file
 * @param message what is wrong, for a person
 */
public record ExchangeProblem(Severity severity, int line, String question, String message) {

    /** How bad a problem is. */
    public enum Severity {
        ERROR, WARNING
    }

    /** The problem as one line, e.g. {@code bank.gift:12: error: Q1: the answer block is not closed}. */
    public String format(String source) {
        StringBuilder line = new StringBuilder(source);
        if (this.line > 0) {
            line.append(':').append(this.line);
        }
        line.append(": ").append(severity == Severity.ERROR ? "error" : "warning").append(": ");
        if (question != null) {
            line.append(question).append(": ");
        }
        return line.append(message).toString();
    }
}
