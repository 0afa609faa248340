package org.manabi.ui.internal;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * Ids for new elements. Ids must be unique across the content folder (registrations and attempts in
 * the database point at them), so a new one is checked against every loaded file.
 */
public final class ContentIds {

    private final Set<String> taken = new HashSet<>();

    /** The ids in use in every file of the resource set, now. */
    public ContentIds(ResourceSet files) {
        files.getAllContents().forEachRemaining(element -> {
            if (element instanceof EObject eObject && EcoreUtil.getID(eObject) != null) {
                taken.add(EcoreUtil.getID(eObject));
            }
        });
    }

    /** {@code base} if free, else {@code base-2}, {@code base-3}, …; the id returned counts as taken. */
    public String claim(String base) {
        String candidate = base;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = base + "-" + n;
        }
        taken.add(candidate);
        return candidate;
    }
}
