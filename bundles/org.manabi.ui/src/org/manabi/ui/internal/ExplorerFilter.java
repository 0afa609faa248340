package org.manabi.ui.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;

/**
 * Keeps what matches the typed text (in its label: title, name, kind), the path down to it and what
 * is below it, so that typing a speaker's talk title shows its seminar, year and committee. The tree
 * is walked once per text, not once per element shown.
 */
final class ExplorerFilter extends ViewerFilter {

    private final ITreeContentProvider content;
    private final ILabelProvider labels;
    private String text = "";
    private Set<Object> shown = Set.of();

    ExplorerFilter(ITreeContentProvider content, ILabelProvider labels) {
        this.content = content;
        this.labels = labels;
    }

    /** @return whether the text changed (and the tree must be refreshed) */
    boolean setText(String typed, Object input) {
        String normalized = typed.strip().toLowerCase(Locale.ROOT);
        if (normalized.equals(text)) {
            return false;
        }
        text = normalized;
        refilter(input);
        return true;
    }

    /** Finds the matches again, after the model changed. */
    void refilter(Object input) {
        Set<Object> matches = new HashSet<>();
        if (!text.isEmpty()) {
            for (Object root : content.getElements(input)) {
                collect(root, matches);
            }
        }
        shown = matches;
    }

    /** @return whether {@code element} or something below it matches */
    private boolean collect(Object element, Set<Object> matches) {
        if (labels.getText(element).toLowerCase(Locale.ROOT).contains(text)) {
            addWithDescendants(element, matches);
            return true;
        }
        boolean below = false;
        for (Object child : content.getChildren(element)) {
            below |= collect(child, matches);
        }
        if (below) {
            matches.add(element);
        }
        return below;
    }

    private void addWithDescendants(Object element, Set<Object> matches) {
        matches.add(element);
        for (Object child : content.getChildren(element)) {
            addWithDescendants(child, matches);
        }
    }

    boolean isActive() {
        return !text.isEmpty();
    }

    @Override
    public boolean select(Viewer viewer, Object parent, Object element) {
        return text.isEmpty() || shown.contains(element);
    }
}
