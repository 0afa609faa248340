package org.manabi.ui.internal.editor;

import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.part.EditorActionBarContributor;

/** Connects the workbench's Undo and Redo to the command stack of the active seminar editor. */
public final class SeminarEditorContributor extends EditorActionBarContributor {

    private CommandStackActions actions;

    @Override
    public void init(IActionBars bars) {
        super.init(bars);
        actions = new CommandStackActions(bars);
    }

    @Override
    public void setActiveEditor(IEditorPart editor) {
        actions.setStack(editor instanceof SeminarEditor seminarEditor ? seminarEditor.commandStack() : null);
    }

    @Override
    public void dispose() {
        actions.dispose();
        super.dispose();
    }
}
