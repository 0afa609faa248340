package org.manabi.ui.internal.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.manabi.content.ContentRepository;
import org.manabi.search.IndexSummary;
import org.manabi.search.PageIndexer;
import org.manabi.search.PdfSource;
import org.manabi.server.SlideDecks;
import org.manabi.ui.internal.Messages;

/**
 * Brings the page index up to date with the content's slide decks, with a progress bar (one tick
 * per PDF) and cancel. Cancelling stops after the PDF being read: what was indexed so far stays,
 * and the next run (incremental by content hash) goes on from there.
 */
public final class IndexJob extends Job {

    /** Jobs of this family index; tests and the search view wait for them. */
    public static final Object FAMILY = IndexJob.class;

    private final ContentRepository content;
    private final Path index;
    private volatile IndexSummary summary;

    public IndexJob(ContentRepository content, Path index) {
        super(Messages.Search_indexing);
        this.content = content;
        this.index = index;
        setUser(true);
        setRule(new IndexRule(index));
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    /** What the last run did, or null before it finished. */
    public IndexSummary summary() {
        return summary;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        List<PdfSource> decks = SlideDecks.of(content, content.root());
        SubMonitor progress = SubMonitor.convert(monitor, Messages.Search_indexing, decks.size());
        try (PageIndexer indexer = PageIndexer.open(index)) {
            summary = indexer.index(decks, true, (done, total, pages, file) -> {
                progress.setWorkRemaining(total - done + 1);
                progress.subTask(NLS.bind(Messages.Search_indexingFile, new Object[] { done, total, file.getFileName() }));
                progress.worked(1);
                if (progress.isCanceled()) {
                    throw new OperationCanceledException();
                }
            });
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (IOException e) {
            return Status.error(NLS.bind(Messages.Search_indexFailed, index, e.getMessage()), e);
        }
    }

    /** One indexer at a time may hold an index folder. */
    private record IndexRule(Path folder) implements org.eclipse.core.runtime.jobs.ISchedulingRule {

        @Override
        public boolean contains(org.eclipse.core.runtime.jobs.ISchedulingRule rule) {
            return equals(rule);
        }

        @Override
        public boolean isConflicting(org.eclipse.core.runtime.jobs.ISchedulingRule rule) {
            return equals(rule);
        }
    }
}
