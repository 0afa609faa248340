package org.manabi.ui.internal.exchange;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.manabi.ui.internal.Jobs;

/**
 * A wizard page that shows the outcome of work done in a job (reading a bank, writing a quiz) each
 * time it is turned to, with a line of counts above its tables. Going back and forth starts the work
 * again; only the latest run's outcome is shown, and the page is complete only once it is.
 *
 * @param <T> what the work gives
 */
abstract class JobPreviewPage<T> extends WizardPage {

    /** The work of a run, off the UI thread: what it gives, or an exception whose message is shown. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    private final Object family;
    private Label counts;
    private int generation;

    JobPreviewPage(String name, String title, String description, Object family) {
        super(name, title, null);
        this.family = family;
        setDescription(description);
        setPageComplete(false);
    }

    @Override
    public final void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(page);
        counts = new Label(page, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(counts);
        Composite body = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).hint(640, 360).applyTo(body);
        createTables(body);
        setControl(page);
    }

    /** Makes the tables the outcome fills, in a one-column grid. */
    protected abstract void createTables(Composite body);

    /** Empties the tables while a run is under way. */
    protected abstract void clear();

    /** Shows a run's outcome (the tables and, with {@link #setCounts}, the counts); returns whether the page is complete. */
    protected abstract boolean show(T outcome);

    /** Says what a failed run could not do, for a person. */
    protected abstract String failure(Exception e);

    protected final void setCounts(String text) {
        counts.setText(text);
        counts.getParent().layout(true, true);
    }

    /** Starts a run named {@code what} (the job's name and the counts line meanwhile). */
    protected final void run(String what, Work<T> work) {
        int wanted = ++generation;
        setPageComplete(false);
        setErrorMessage(null);
        setCounts(what);
        clear();
        Display display = getShell().getDisplay();
        Job job = Jobs.of(what, family, monitor -> {
            T outcome = null;
            Exception failed = null;
            try {
                outcome = work.run();
            } catch (Exception e) {
                failed = e;
            }
            T done = outcome;
            Exception error = failed;
            display.asyncExec(() -> {
                if (wanted != generation || getControl().isDisposed()) {
                    return;
                }
                if (error != null) {
                    setCounts("");
                    setErrorMessage(failure(error));
                } else {
                    setPageComplete(show(done));
                }
            });
            return Status.OK_STATUS;
        });
        job.schedule();
    }
}
