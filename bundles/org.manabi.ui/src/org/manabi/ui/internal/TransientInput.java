package org.manabi.ui.internal;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * An editor input of something in memory (a seminar of the content model, a page of a deck): not a
 * workspace file, so it neither exists as one nor is restored after a restart.
 */
public interface TransientInput extends IEditorInput {

    @Override
    default boolean exists() {
        return false;
    }

    @Override
    default ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    default IPersistableElement getPersistable() {
        return null;
    }

    @Override
    default <T> T getAdapter(Class<T> adapter) {
        return null;
    }
}
