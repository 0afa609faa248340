package org.manabi.ui.internal;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The committee's everyday layout: the curriculum explorer on the left, editors beside it,
 * the content's problems below them. */
public final class SeminarsPerspective implements IPerspectiveFactory {

    public static final String ID = "org.manabi.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
        layout.addView(CurriculumExplorer.ID, IPageLayout.LEFT, 0.3f, layout.getEditorArea());
        layout.addView(ProblemsView.ID, IPageLayout.BOTTOM, 0.75f, layout.getEditorArea());
    }
}
