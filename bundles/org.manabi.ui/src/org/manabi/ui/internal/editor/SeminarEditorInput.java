package org.manabi.ui.internal.editor;

import java.util.Objects;

import org.manabi.content.ContentRepository;
import org.manabi.ui.internal.TransientInput;
import org.manabi.model.Seminar;

/**
 * A seminar of a content repository, to edit. The content folder is not an Eclipse workspace, so the
 * input names the repository it belongs to rather than a workspace file.
 */
public final class SeminarEditorInput implements TransientInput {

    private final ContentRepository repository;
    private final Seminar seminar;

    public SeminarEditorInput(ContentRepository repository, Seminar seminar) {
        this.repository = Objects.requireNonNull(repository);
        this.seminar = Objects.requireNonNull(seminar);
    }

    public ContentRepository repository() {
        return repository;
    }

    public Seminar seminar() {
        return seminar;
    }

    @Override
    public String getName() {
        String title = seminar.getTitle() == null ? seminar.getId() : seminar.getTitle();
        return seminar.eContainer() instanceof org.manabi.model.FiscalYearPlan plan
                ? title + " (" + plan.getFiscalYear() + ")"
                : title;
    }

    @Override
    public String getToolTipText() {
        return seminar.eResource() == null ? getName()
                : repository.relativePath(seminar.eResource()) + " \u2013 " + seminar.getId();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeminarEditorInput input && input.seminar == seminar;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(seminar);
    }
}
