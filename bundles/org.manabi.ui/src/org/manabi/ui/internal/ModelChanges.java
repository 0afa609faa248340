package org.manabi.ui.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EContentAdapter;

/**
 * The one watcher of the content's model: a single content adapter on the repository's resource set
 * tells every part that subscribed which file changed. Each part used to attach a content adapter of
 * its own, which put one more adapter on every element of every file and walked the whole model
 * each time a part opened; with 1,000 seminars that was a noticeable share of the workbench's start.
 * Offered to the parts through the workbench's context; notifications come on the thread that
 * changed the model (the UI thread).
 */
public final class ModelChanges {

    private final List<Consumer<Resource>> listeners = new CopyOnWriteArrayList<>();
    private final ResourceSet resources;
    private final EContentAdapter adapter = new EContentAdapter() {
        @Override
        public void notifyChanged(Notification notification) {
            super.notifyChanged(notification);
            if (!notification.isTouch()) {
                Resource changed = resourceOf(notification.getNotifier());
                for (Consumer<Resource> listener : listeners) {
                    listener.accept(changed);
                }
            }
        }
    };

    public ModelChanges(ResourceSet resources) {
        this.resources = resources;
    }

    /** @param listener told the file that changed, or null for a change of the set of files itself */
    public void subscribe(Consumer<Resource> listener) {
        if (listeners.isEmpty()) {
            resources.eAdapters().add(adapter); // the one walk over the model, when the first part needs it
        }
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<Resource> listener) {
        listeners.remove(listener);
    }

    /** Detaches from the model, for the workbench's shutdown. */
    public void dispose() {
        listeners.clear();
        resources.eAdapters().remove(adapter);
    }

    private static Resource resourceOf(Object notifier) {
        return switch (notifier) {
            case Resource resource -> resource;
            case EObject element -> element.eResource();
            default -> null;
        };
    }
}
