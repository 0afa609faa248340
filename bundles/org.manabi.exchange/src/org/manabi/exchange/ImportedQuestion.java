package org.manabi.exchange;

import org.manabi.model.Question;

/**
 * One question read from a bank, not yet part of any quiz.
 *
 * @param question the question; its id is the one the file proposes ({@code [id:…]} or idnumber) or null
 * @param line the 1-based line where the question starts in the file
 * @param label the question's title in the file, or its number ("#3") when it has none
 */
public record ImportedQuestion(Question question, int line, String label) {
}
