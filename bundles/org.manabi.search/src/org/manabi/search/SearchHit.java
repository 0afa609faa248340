package org.manabi.search;

/**
 * A page that answers a query.
 *
 * @param file the PDF as indexed
 * @param page 1-based page number
 * @param score Lucene's relevance score
 * @param deck the slide deck id, or null for a PDF outside the content model
 * @param seminar the seminar's title, or null
 * @param snippet the best passage, matches between « and »
 */
public record SearchHit(String file, int page, float score, String deck, String seminar, String snippet) {
}
