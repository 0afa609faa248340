package org.manabi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.manabi.ui.internal.CurriculumExplorer;
import org.manabi.ui.internal.ProblemsView;
import org.manabi.ui.internal.RegistrationsView;
import org.manabi.ui.internal.ServerView;
import org.manabi.ui.internal.search.SlideSearchView;

/**
 * The workbench started as a Japanese user starts it ({@code -nl ja}): menus, view titles (from
 * plugin.xml's translations) and the views' own texts are Japanese. Runs in a workbench of its own, the
 * second run of this bundle's tests (see pom.xml): the platform takes the language at start only.
 */
class JapaneseWorkbenchTest {

    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

    @Test
    void theWorkbenchRunsInJapanese() {
        assertEquals("ja", Locale.getDefault().getLanguage(), "started with -nl ja");
    }

    @Test
    void theMenusAreJapanese() {
        var items = page.getWorkbenchWindow().getShell().getMenuBar().getItems();
        assertEquals(List.of("ファイル", "編集", "ウィンドウ"),
                Arrays.stream(items).map(item -> item.getText().replaceAll("\\(&.\\)|&", "")).toList());
    }

    @Test
    void theViewsAreTitledInJapanese() throws Exception {
        assertEquals("カリキュラム・エクスプローラー", title(CurriculumExplorer.ID));
        assertEquals("コンテンツの問題", title(ProblemsView.ID));
        assertEquals("スライド検索", title(SlideSearchView.ID));
        assertEquals("申込者", title(RegistrationsView.ID));
        assertEquals("Web サーバー", title(ServerView.ID));

        ProblemsView problems = (ProblemsView) page.showView(ProblemsView.ID);
        assertEquals(List.of("内容", "要素", "項目", "ファイル"), Arrays.stream(problems.viewer().getTable().getColumns())
                .map(TableColumn::getText).toList());
        Widgets.flush();
        Widgets.screenshot(page.getWorkbenchWindow().getShell(), "workbench-ja");
    }

    private String title(String viewId) throws Exception {
        page.showView(viewId);
        IViewReference view = page.findViewReference(viewId);
        return view.getPartName();
    }
}
