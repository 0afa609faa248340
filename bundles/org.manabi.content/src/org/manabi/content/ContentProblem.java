package org.manabi.content;

import java.nio.file.Path;

/**
 * One thing wrong with the content, said so that a person can find and fix it: which file, where in
 * it (line, or the element by label and id, and the field), and what was expected.
 *
 * @param severity error or warning
 * @param file the content file, relative to the content folder
 * @param line 1-based line in the file, or 0 where the problem is not tied to a line
 * @param element the element's label and id, or empty when the whole file is at fault
 * @param field the feature of the element at fault, or empty
 * @param message what is wrong and what was expected
 * @param elementFragment the element's URI fragment in its file (its id where it has one), for tools
 *        that go to it, or empty when the whole file is at fault
 */
public record ContentProblem(Severity severity, Path file, int line, String element, String field, String message,
        String elementFragment) {

    /** A problem of a file, or of an element that tools need not go to. */
    public ContentProblem(Severity severity, Path file, int line, String element, String field, String message) {
        this(severity, file, line, element, field, message, "");
    }

    /** How bad a problem is: errors make content unusable (validate exits 1), warnings do not. */
    public enum Severity {
        ERROR, WARNING
    }

    /** One line, the format {@code manabi validate} prints: {@code file:line: severity: element [field]: message}. */
    public String format() {
        StringBuilder text = new StringBuilder(file.toString().replace('\\', '/'));
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ").append(severity.name().toLowerCase(java.util.Locale.ROOT)).append(": ");
        if (!element.isEmpty()) {
            text.append(element);
            if (!field.isEmpty()) {
                text.append(" [").append(field).append(']');
            }
            text.append(": ");
        }
        return text.append(message).toString();
    }
}
