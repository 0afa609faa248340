package org.manabi.ui;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.manabi.ui.internal.ManabiWorkbenchAdvisor;

/** Runs the Manabi workbench on a display until the user closes it. */
public final class ManabiWorkbench {

    private ManabiWorkbench() {
    }

    /**
     * @return {@link PlatformUI#RETURN_OK}, {@link PlatformUI#RETURN_RESTART} or
     *         {@link PlatformUI#RETURN_UNSTARTABLE}
     */
    public static int run(Display display, WorkbenchSettings settings) {
        return PlatformUI.createAndRunWorkbench(display, new ManabiWorkbenchAdvisor(settings));
    }
}
