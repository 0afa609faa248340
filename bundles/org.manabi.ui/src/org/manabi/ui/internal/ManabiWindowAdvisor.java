package org.manabi.ui.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

final class ManabiWindowAdvisor extends WorkbenchWindowAdvisor {

    ManabiWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new ManabiActionBarAdvisor(configurer);
    }

    @Override
    public void postWindowOpen() {
        if (WorkbenchBenchmark.requested()) {
            WorkbenchBenchmark.run(getWindowConfigurer().getWindow());
        }
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setTitle(Messages.Workbench_title);
        configurer.setInitialSize(new Point(1200, 800));
        configurer.setShowStatusLine(true);
        configurer.setShowPerspectiveBar(false);
    }
}
