package org.manabi.ui.internal;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.manabi.content.ContentRepository;
import org.manabi.ui.internal.editor.SeminarEditor;

/**
 * What the explorer changes (new, next year's run, delete, drag and drop) is saved at once, as a file
 * manager would: the explorer has no Save. Its commands stay undoable (Edit > Undo while the explorer
 * is active), and undo and redo save the files again.
 * <p>
 * A file with unsaved edits in a seminar editor is not touched: saving it would write those edits
 * unasked, so the user is told to save or close that editor first.
 */
final class ExplorerEdits {

    private final ContentRepository repository;
    private final Map<Command, Set<Resource>> files = new IdentityHashMap<>();
    private final AdapterFactoryEditingDomain domain;
    private Shell shell;

    ExplorerEdits(ContentRepository repository, AdapterFactory adapterFactory) {
        this.repository = repository;
        this.domain = new AdapterFactoryEditingDomain(adapterFactory, new SavingStack(), repository.resourceSet());
    }

    AdapterFactoryEditingDomain domain() {
        return domain;
    }

    /**
     * Runs the command and saves the files it changes.
     *
     * @return whether it ran (it may not be executable, or a file may have unsaved edits elsewhere)
     */
    boolean run(Shell parent, IWorkbenchPage page, Command command, Set<Resource> changed) {
        shell = parent;
        if (!command.canExecute()) {
            command.dispose();
            return false;
        }
        for (IEditorReference reference : page.getEditorReferences()) {
            if (reference.getEditor(false) instanceof SeminarEditor editor && editor.isDirty()
                    && changed.contains(editor.file())) {
                MessageDialog.openInformation(parent, Messages.Explorer_unsavedTitle,
                        NLS.bind(Messages.Explorer_unsaved, editor.getPartName()));
                command.dispose();
                return false;
            }
        }
        files.put(command, new LinkedHashSet<>(changed));
        domain.getCommandStack().execute(command);
        return true;
    }

    private void save(Command command) {
        for (Resource resource : files.getOrDefault(command, Set.of())) {
            try {
                repository.save(resource);
            } catch (IOException e) {
                MessageDialog.openError(shell, Messages.Editor_saveFailedTitle,
                        NLS.bind(Messages.Editor_saveFailed, repository.relativePath(resource), e.getMessage()));
            }
        }
    }

    private final class SavingStack extends BasicCommandStack {

        @Override
        public void execute(Command command) {
            super.execute(command);
            save(command);
        }

        @Override
        public void undo() {
            Command command = getUndoCommand();
            super.undo();
            save(command);
        }

        @Override
        public void redo() {
            Command command = getRedoCommand();
            super.redo();
            save(command);
        }
    }
}
