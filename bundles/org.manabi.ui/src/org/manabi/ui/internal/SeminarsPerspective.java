package org.manabi.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.manabi.ui.internal.results.ResultsView;
import org.manabi.ui.internal.search.SlideSearchView;

/** The committee's everyday layout: the curriculum explorer on the left, editors beside it,
 * the content's problems, the slide search, the registrations, the quiz results and
 * the web server below them. */
public final class SeminarsPerspective implements IPerspectiveFactory {

    public static final String ID = "org.manabi.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
        layout.addView(CurriculumExplorer.ID, IPageLayout.LEFT, 0.3f, layout.getEditorArea());
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.7f, layout.getEditorArea());
        bottom.addView(ProblemsView.ID);
        bottom.addView(SlideSearchView.ID);
        bottom.addView(RegistrationsView.ID);
        bottom.addView(ResultsView.ID);
        bottom.addView(ServerView.ID);
    }
}
