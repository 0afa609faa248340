package org.manabi.ui.internal;

import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;

/** Background work of a part, in a family that tests (and the part) can find and wait for. */
public final class Jobs {

    private Jobs() {
    }

    /** A job named for the progress view, not yet scheduled. */
    public static Job of(String name, Object family, Function<IProgressMonitor, IStatus> work) {
        return new Job(name) {
            @Override
            public boolean belongsTo(Object other) {
                return other == family;
            }

            @Override
            protected IStatus run(IProgressMonitor monitor) {
                return work.apply(monitor);
            }
        };
    }
}
