package org.manabi.ui.tests;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.manabi.content.ContentRepository;
import org.manabi.model.Seminar;
import org.manabi.ui.internal.editor.SeminarEditor;
import org.manabi.ui.internal.editor.SeminarEditorInput;

/** Opening seminar editors and running workbench commands the way the menus do, for the editor tests. */
final class Editors {

    private Editors() {
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    static SeminarEditor open(ContentRepository repository, Seminar seminar) throws Exception {
        SeminarEditor editor = (SeminarEditor) page().openEditor(new SeminarEditorInput(repository, seminar),
                SeminarEditor.ID);
        Widgets.flush();
        return editor;
    }

    /** Runs a command (Edit > Undo, File > Save, …) as its menu item or key binding does. */
    static void command(String id) throws Exception {
        page().getWorkbenchWindow().getService(IHandlerService.class).executeCommand(id, null);
        Widgets.flush();
    }

    /** Closes every editor without saving: what a test changed is thrown away. */
    static void closeAll() {
        page().closeAllEditors(false);
        Widgets.flush();
    }
}
