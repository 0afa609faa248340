package org.manabi.ui.internal;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.util.EContentAdapter;

/**
 * Tells a part that the model it shows changed, anywhere below what it is attached to (a file, or
 * the whole resource set), so that views and editors follow edits made elsewhere.
 */
public final class ModelWatcher extends EContentAdapter {

    private final Runnable onChange;

    public ModelWatcher(Runnable onChange) {
        this.onChange = onChange;
    }

    @Override
    public void notifyChanged(Notification notification) {
        super.notifyChanged(notification);
        if (!notification.isTouch()) {
            onChange.run();
        }
    }
}
