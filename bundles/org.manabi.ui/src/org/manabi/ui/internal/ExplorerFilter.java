package org.manabi.ui.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;

/**
 * Keeps what matches the typed text (in its label: title, name, kind), the path down to it and what
 * is below it, so that typing a speaker's talk title shows its seminar, year and committee. The tree
 * is walked once per text, not once per element shown; below a match nothing is walked (all of it
 * is shown), so a word that names most seminars does not visit every programme item.
 */
final class ExplorerFilter extends ViewerFilter {

    private final ITreeContentProvider content;
    private final ILabelProvider labels;
    private String text = "";
    /** What matches. */
    private Set<Object> matches = Set.of();
    /** What holds a match, to be shown and expanded. */
    private Set<Object> holders = Set.of();
    /** What is shown because something above it matches, learnt as the tree asks (it asks top down). */
    private final Set<Object> belowMatches = new HashSet<>();

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
        Set<Object> found = new HashSet<>();
        Set<Object> above = new HashSet<>();
        if (!text.isEmpty()) {
            for (Object root : content.getElements(input)) {
                collect(root, found, above);
            }
        }
        matches = found;
        holders = above;
        belowMatches.clear();
    }

    /** @return whether {@code element} or something below it matches */
    private boolean collect(Object element, Set<Object> found, Set<Object> above) {
        if (labels.getText(element).toLowerCase(Locale.ROOT).contains(text)) {
            found.add(element);
            return true;
        }
        boolean below = false;
        for (Object child : content.getChildren(element)) {
            below |= collect(child, found, above);
        }
        if (below) {
            above.add(element);
        }
        return below;
    }

    boolean isActive() {
        return !text.isEmpty();
    }

    /** The elements to expand so that every match shows: those that hold one. */
    Object[] holders() {
        return holders.toArray();
    }

    @Override
    public boolean select(Viewer viewer, Object parent, Object element) {
        if (text.isEmpty() || matches.contains(element) || holders.contains(element)) {
            return true;
        }
        Object parentElement = parent instanceof TreePath path ? path.getLastSegment() : parent;
        if (matches.contains(parentElement) || belowMatches.contains(parentElement)) {
            belowMatches.add(element);
            return true;
        }
        return false;
    }
}
