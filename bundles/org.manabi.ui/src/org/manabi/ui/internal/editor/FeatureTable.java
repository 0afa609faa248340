package org.manabi.ui.internal.editor;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.UnexecutableCommand;
import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.MoveCommand;
import org.eclipse.emf.edit.command.DeleteCommand;
import org.eclipse.emf.edit.command.DragAndDropCommand;
import org.eclipse.emf.edit.command.DragAndDropFeedback;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerEditor;
import org.eclipse.jface.viewers.ColumnViewerEditorActivationStrategy;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TableViewerEditor;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.jface.viewers.ViewerDropAdapter;
import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.dnd.TransferData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.forms.IMessageManager;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.manabi.ui.internal.ContentIds;

/**
 * A table of model elements edited in place: one column per attribute, values checked as they are
 * typed (a time that is not hh:mm cannot be entered), every change an undoable command. For a
 * contained list, buttons add, remove and move rows.
 */
final class FeatureTable {

    private final EditingDomain domain;
    private final IMessageManager messages;
    private final TableViewer viewer;
    private final Composite control;
    private final Supplier<List<? extends EObject>> rows;

    /**
     * @param rows the elements to show, read again on every refresh
     */
    FeatureTable(Composite parent, FormToolkit toolkit, EditingDomain domain, IMessageManager messages,
            Supplier<List<? extends EObject>> rows) {
        this.domain = domain;
        this.messages = messages;
        this.rows = rows;
        control = toolkit.createComposite(parent);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(control);
        Table table = toolkit.createTable(control, SWT.FULL_SELECTION | SWT.MULTI | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 120).applyTo(table);
        viewer = new TableViewer(table);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        TableViewerEditor.create(viewer, new ColumnViewerEditorActivationStrategy(viewer),
                ColumnViewerEditor.TABBING_HORIZONTAL | ColumnViewerEditor.TABBING_MOVE_TO_ROW_NEIGHBOR
                        | ColumnViewerEditor.KEYBOARD_ACTIVATION);
    }

    Composite control() {
        return control;
    }

    TableViewer viewer() {
        return viewer;
    }

    /** An editable column for an attribute of the rows. */
    FeatureTable column(EAttribute attribute, int width) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(ModelTexts.feature(attribute));
        column.getColumn().setWidth(width);
        column.getColumn().setData("attribute", attribute.getName());
        column.setLabelProvider(ColumnLabelProvider.createTextProvider(row -> shown(attribute, (EObject) row)));
        column.setEditingSupport(attribute.getEAttributeType() instanceof EEnum eEnum ? new EnumEditing(attribute, eEnum)
                : isBoolean(attribute) ? new BooleanEditing(attribute)
                : new TextEditing(attribute));
        return this;
    }

    /** A column that shows something derived (e.g. the speakers' names) and is not edited here. */
    FeatureTable column(String title, int width, Function<EObject, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(ColumnLabelProvider.createTextProvider(row -> text.apply((EObject) row)));
        return this;
    }

    /** Add, remove, up and down buttons for a contained list {@code owner.list}; new rows are {@code type}. */
    FeatureTable listButtons(FormToolkit toolkit, EObject owner, EReference list, EClass type) {
        return listButtons(toolkit, owner, list, () -> type);
    }

    /** As {@link #listButtons(FormToolkit, EObject, EReference, EClass)}, the type of a new row chosen when it is added. */
    FeatureTable listButtons(FormToolkit toolkit, EObject owner, EReference list, Supplier<EClass> newType) {
        Composite buttons = toolkit.createComposite(control);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        button(toolkit, buttons, org.manabi.ui.internal.Messages.Table_add, () -> {
            EClass type = newType.get();
            EObject row = EcoreUtil.create(type);
            if (type.getEIDAttribute() != null) {
                row.eSet(type.getEIDAttribute(), newId(owner, type));
            }
            domain.getCommandStack().execute(AddCommand.create(domain, owner, list, row));
            refresh(); // the page refreshes later; the new row must be there to be selected now
            viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(row), true);
        });
        button(toolkit, buttons, org.manabi.ui.internal.Messages.Table_remove, () -> {
            List<?> selected = viewer.getStructuredSelection().toList();
            if (!selected.isEmpty()) {
                // delete, not remove: references to the rows (a speaker of a talk) go with them
                domain.getCommandStack().execute(DeleteCommand.create(domain, selected));
            }
        });
        button(toolkit, buttons, org.manabi.ui.internal.Messages.Table_up, () -> move(owner, list, -1));
        button(toolkit, buttons, org.manabi.ui.internal.Messages.Table_down, () -> move(owner, list, +1));
        addDragAndDrop();
        return this;
    }

    /**
     * Rows are dragged to another place in the list: dropped in the upper half of a row they go before
     * it, in the lower half after it; the move is one command (Edit → Undo puts them back).
     */
    private void addDragAndDrop() {
        Transfer[] transfers = { LocalSelectionTransfer.getTransfer() };
        viewer.addDragSupport(DND.DROP_MOVE, transfers, new DragSourceAdapter() {
            @Override
            public void dragStart(DragSourceEvent event) {
                event.doit = !viewer.getStructuredSelection().isEmpty();
                LocalSelectionTransfer.getTransfer().setSelection(viewer.getStructuredSelection());
            }
        });
        viewer.addDropSupport(DND.DROP_MOVE, transfers, new ViewerDropAdapter(viewer) {
            @Override
            public boolean validateDrop(Object target, int operation, TransferData type) {
                return dropCommand(target, getCurrentLocation()).canExecute();
            }

            @Override
            public boolean performDrop(Object data) {
                Command command = dropCommand(getCurrentTarget(), getCurrentLocation());
                if (!command.canExecute()) {
                    return false;
                }
                domain.getCommandStack().execute(command);
                return true;
            }

            @Override
            protected int determineLocation(DropTargetEvent event) {
                if (!(event.item instanceof TableItem item)) {
                    return LOCATION_NONE;
                }
                org.eclipse.swt.graphics.Point point = viewer.getTable().toControl(event.x, event.y);
                var bounds = item.getBounds();
                return point.y < bounds.y + bounds.height / 2 ? LOCATION_BEFORE : LOCATION_AFTER;
            }
        });
    }

    /** Moves the dragged rows before or after the row {@code target}, if they are rows of this table. */
    private Command dropCommand(Object target, int location) {
        if (!(LocalSelectionTransfer.getTransfer().getSelection() instanceof IStructuredSelection dragged)
                || dragged.isEmpty() || !(target instanceof EObject) || dragged.toList().contains(target)
                || !rows.get().containsAll(dragged.toList())
                || (location != ViewerDropAdapter.LOCATION_BEFORE && location != ViewerDropAdapter.LOCATION_AFTER)) {
            return UnexecutableCommand.INSTANCE;
        }
        // the item providers' own drag and drop: a move within the list that holds the target
        return DragAndDropCommand.create(domain, target, location == ViewerDropAdapter.LOCATION_BEFORE ? 0.1f : 0.9f,
                DragAndDropFeedback.DROP_MOVE, DragAndDropFeedback.DROP_MOVE, dragged.toList());
    }

    /** "dicom-beginner-2027-programmeitem": the owner's id and the type, numbered if taken. */
    private static String newId(EObject owner, EClass type) {
        return new ContentIds(owner.eResource().getResourceSet()).claim((EcoreUtil.getID(owner) == null ? "new"
                : EcoreUtil.getID(owner)) + "-" + type.getName().toLowerCase(java.util.Locale.ROOT));
    }

    private void move(EObject owner, EReference list, int by) {
        IStructuredSelection selection = viewer.getStructuredSelection();
        if (selection.size() != 1) {
            return;
        }
        List<?> values = (List<?>) owner.eGet(list);
        int to = values.indexOf(selection.getFirstElement()) + by;
        if (to >= 0 && to < values.size()) {
            domain.getCommandStack().execute(MoveCommand.create(domain, owner, list, selection.getFirstElement(), to));
        }
    }

    private static void button(FormToolkit toolkit, Composite parent, String text, Runnable action) {
        Button button = toolkit.createButton(parent, text, SWT.PUSH);
        GridDataFactory.fillDefaults().applyTo(button);
        button.addListener(SWT.Selection, event -> action.run());
    }

    void refresh() {
        if (!viewer.getControl().isDisposed()) {
            viewer.setInput(rows.get());
        }
    }

    /**
     * Selects the row that is, or holds, {@code element} and opens the cell of {@code field} for editing.
     *
     * @return whether a row of this table is the element or holds it
     */
    boolean reveal(EObject element, String field) {
        List<? extends EObject> shown = rows.get();
        for (EObject e = element; e != null; e = e.eContainer()) {
            if (shown.contains(e)) {
                EObject row = e;
                viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(row), true);
                viewer.getTable().setFocus();
                org.eclipse.swt.widgets.TableColumn[] columns = viewer.getTable().getColumns();
                for (int i = 0; i < columns.length; i++) {
                    if (row == element && field.equals(columns[i].getData("attribute"))) {
                        viewer.editElement(row, i);
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static boolean isBoolean(EAttribute attribute) {
        Class<?> type = attribute.getEAttributeType().getInstanceClass();
        return type == boolean.class || type == Boolean.class;
    }

    private static String shown(EAttribute attribute, EObject row) {
        Object value = row.eGet(attribute);
        if (isBoolean(attribute)) {
            return Boolean.TRUE.equals(value) ? "\u2713" : ""; // a check mark: a click on the cell turns it on or off
        }
        return attribute.getEAttributeType() instanceof EEnum eEnum
                ? ModelTexts.literal(eEnum, (Enumerator) value)
                : AttributeText.toText(attribute, value);
    }

    private void set(EObject row, EAttribute attribute, Object value) {
        if (!Objects.equals(row.eGet(attribute), value)) {
            domain.getCommandStack().execute(SetCommand.create(domain, row, attribute, value));
        }
    }

    /** Every cell of a column is edited with the same cell editor, for an attribute of the row. */
    private abstract class AttributeEditing<E extends CellEditor> extends EditingSupport {

        protected final EAttribute attribute;
        protected final E editor;

        AttributeEditing(EAttribute attribute, E editor) {
            super(viewer);
            this.attribute = attribute;
            this.editor = editor;
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            return editor;
        }

        @Override
        protected boolean canEdit(Object element) {
            return true;
        }
    }

    private final class TextEditing extends AttributeEditing<TextCellEditor> {

        TextEditing(EAttribute attribute) {
            super(attribute, new TextCellEditor(viewer.getTable()));
            editor.getControl().setData("attribute", attribute.getName());
            String key = "cell." + attribute.getName();
            editor.setValidator(value -> {
                try {
                    AttributeText.fromText(attribute, (String) value);
                    messages.removeMessage(key);
                    return null;
                } catch (IllegalArgumentException invalid) {
                    String message = ModelTexts.feature(attribute) + ": " + invalid.getMessage();
                    messages.addMessage(key, message, null, org.eclipse.jface.dialogs.IMessageProvider.ERROR);
                    return message;
                }
            });
            editor.addListener(new org.eclipse.jface.viewers.ICellEditorListener() {
                @Override
                public void applyEditorValue() {
                    messages.removeMessage(key);
                }

                @Override
                public void cancelEditor() {
                    messages.removeMessage(key);
                }

                @Override
                public void editorValueChanged(boolean oldValidState, boolean newValidState) {
                    // the validator has marked the header already
                }
            });
        }

        @Override
        protected Object getValue(Object element) {
            return AttributeText.toText(attribute, ((EObject) element).eGet(attribute));
        }

        @Override
        protected void setValue(Object element, Object value) {
            if (value != null) { // null: the validator refused the text
                set((EObject) element, attribute, AttributeText.fromText(attribute, (String) value));
            }
        }
    }

    /** A yes/no attribute (a choice is correct): a click on the cell flips it. */
    private final class BooleanEditing extends AttributeEditing<org.eclipse.jface.viewers.CheckboxCellEditor> {

        BooleanEditing(EAttribute attribute) {
            super(attribute, new org.eclipse.jface.viewers.CheckboxCellEditor(viewer.getTable()));
        }

        @Override
        protected Object getValue(Object element) {
            return Boolean.TRUE.equals(((EObject) element).eGet(attribute));
        }

        @Override
        protected void setValue(Object element, Object value) {
            set((EObject) element, attribute, value);
        }
    }

    private final class EnumEditing extends AttributeEditing<ComboBoxCellEditor> {

        private final List<EEnumLiteral> literals;

        EnumEditing(EAttribute attribute, EEnum type) {
            super(attribute, new ComboBoxCellEditor(viewer.getTable(), type.getELiterals().stream()
                    .map(literal -> ModelTexts.literal(type, literal.getInstance())).toArray(String[]::new),
                    SWT.READ_ONLY));
            literals = type.getELiterals();
        }

        @Override
        protected Object getValue(Object element) {
            Enumerator value = (Enumerator) ((EObject) element).eGet(attribute);
            return value == null ? 0 : literals.indexOf(((EEnum) attribute.getEAttributeType()).getEEnumLiteral(value.getValue()));
        }

        @Override
        protected void setValue(Object element, Object value) {
            int index = (Integer) value;
            if (index >= 0) {
                set((EObject) element, attribute, literals.get(index).getInstance());
            }
        }
    }
}
