package org.manabi.search;

import java.util.List;

/**
 * What an indexing run did.
 *
 * @param indexed PDFs read and (re-)indexed
 * @param unchanged PDFs skipped because their content hash was already indexed
 * @param removed PDFs that left the index because they are gone from the sources
 * @param pages pages indexed in this run
 * @param skipped PDFs that could not be read, each "file: reason"
 * @param seconds wall-clock time of the run
 */
public record IndexSummary(int indexed, int unchanged, int removed, int pages, List<String> skipped,
        double seconds) {
}
