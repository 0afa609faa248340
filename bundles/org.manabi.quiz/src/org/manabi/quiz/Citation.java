package org.manabi.quiz;

import java.nio.file.Path;

/**
 * The slide deck page that teaches a question's answer.
 *
 * @param deckId the deck's stable id
 * @param deckTitle as authored, may be {@code null}
 * @param pdf the deck's PDF, absolute; {@code null} when the content is not in files
 * @param page 1-based
 */
public record Citation(String deckId, String deckTitle, Path pdf, int page) {
}
