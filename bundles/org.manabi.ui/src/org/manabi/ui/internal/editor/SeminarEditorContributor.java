package org.manabi.ui.internal.editor;

import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.jface.action.Action;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.EditorActionBarContributor;
import org.manabi.ui.internal.Messages;

/**
 * Connects the workbench's Undo and Redo (menu, Ctrl+Z, Ctrl+Y) to the command stack of the active
 * seminar editor, labelled with what they would undo or redo.
 */
public final class SeminarEditorContributor extends EditorActionBarContributor {

    private final StackAction undo = new StackAction(true);
    private final StackAction redo = new StackAction(false);
    private CommandStack stack;
    private final CommandStackListener update = event -> update();

    @Override
    public void init(IActionBars bars) {
        super.init(bars);
        bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
        bars.setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
    }

    @Override
    public void setActiveEditor(IEditorPart editor) {
        if (stack != null) {
            stack.removeCommandStackListener(update);
        }
        stack = editor instanceof SeminarEditor seminarEditor ? seminarEditor.commandStack() : null;
        if (stack != null) {
            stack.addCommandStackListener(update);
        }
        update();
    }

    private void update() {
        undo.update();
        redo.update();
        getActionBars().updateActionBars();
    }

    @Override
    public void dispose() {
        if (stack != null) {
            stack.removeCommandStackListener(update);
        }
        super.dispose();
    }

    private final class StackAction extends Action {

        private final boolean undoes;

        StackAction(boolean undoes) {
            this.undoes = undoes;
            setId(undoes ? ActionFactory.UNDO.getId() : ActionFactory.REDO.getId());
        }

        void update() {
            boolean possible = stack != null && (undoes ? stack.canUndo() : stack.canRedo());
            setEnabled(possible);
            var command = !possible ? null : undoes ? stack.getUndoCommand() : stack.getRedoCommand();
            String label = command == null || command.getLabel() == null ? "" : command.getLabel();
            setText(NLS.bind(undoes ? Messages.Action_undo : Messages.Action_redo, label).strip());
        }

        @Override
        public void run() {
            if (stack != null) {
                if (undoes) {
                    stack.undo();
                } else {
                    stack.redo();
                }
            }
        }
    }
}
