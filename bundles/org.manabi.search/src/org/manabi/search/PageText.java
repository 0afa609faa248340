package org.manabi.search;

/**
 * The text of one page of a PDF.
 *
 * @param page 1-based page number, as people count pages
 * @param text the text PDFBox reads off the page, in reading order
 */
public record PageText(int page, String text) {
}
