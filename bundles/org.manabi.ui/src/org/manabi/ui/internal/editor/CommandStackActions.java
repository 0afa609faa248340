package org.manabi.ui.internal.editor;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.jface.action.Action;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.actions.ActionFactory;
import org.manabi.ui.internal.Messages;

/**
 * The workbench's Undo and Redo (menu, Ctrl+Z, Ctrl+Y) for a part, on a command stack, labelled with
 * what they would undo or redo. The stack can change, as the active editor does.
 */
public final class CommandStackActions {

    private final IActionBars bars;
    private final StackAction undo = new StackAction(true);
    private final StackAction redo = new StackAction(false);
    private final CommandStackListener update = event -> update();
    private CommandStack stack;

    public CommandStackActions(IActionBars bars) {
        this.bars = bars;
        bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
        bars.setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
    }

    /** @param newStack the stack to act on, or null for none */
    public void setStack(CommandStack newStack) {
        if (stack != null) {
            stack.removeCommandStackListener(update);
        }
        stack = newStack;
        if (stack != null) {
            stack.addCommandStackListener(update);
        }
        update();
    }

    private void update() {
        undo.update();
        redo.update();
        bars.updateActionBars();
    }

    public void dispose() {
        setStack(null);
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
            Command command = !possible ? null : undoes ? stack.getUndoCommand() : stack.getRedoCommand();
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
