package org.manabi.search;

import java.nio.file.Path;

/**
 * A PDF to index and what is known about it. The search bundle knows files and metadata, not the
 * curriculum model: whoever knows the deck (the content repository) fills the fields; a PDF that
 * belongs to no deck has nulls.
 *
 * @param file the PDF, as it will be shown in results
 * @param deck the slide deck id, or null
 * @param seminar the seminar's title, or null
 * @param committee the hosting committee or body, or null
 * @param fiscalYear the fiscal year, or null
 */
public record PdfSource(Path file, String deck, String seminar, String committee, Integer fiscalYear) {

    /** A PDF that is not in the content model. */
    public static PdfSource of(Path file) {
        return new PdfSource(file, null, null, null, null);
    }
}
