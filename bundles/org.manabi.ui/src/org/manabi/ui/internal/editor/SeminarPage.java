package org.manabi.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.ExpandableComposite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.Section;
import org.manabi.model.Seminar;

/** A page of the seminar editor: its fields and tables follow the model through {@link #refresh()}. */
abstract class SeminarPage extends FormPage {

    private final SeminarEditor editor;
    private FieldBindings fields;
    private final List<FeatureTable> tables = new ArrayList<>();

    SeminarPage(SeminarEditor editor, String id, String title) {
        super(editor, id, title);
        this.editor = editor;
    }

    @Override
    protected final void createFormContent(IManagedForm managedForm) {
        managedForm.getForm().setText(editor.getEditorInput().getName());
        managedForm.getToolkit().decorateFormHeading(managedForm.getForm().getForm());
        fields = new FieldBindings(editor.getEditingDomain(), managedForm.getToolkit(),
                managedForm.getMessageManager());
        Composite body = managedForm.getForm().getBody();
        fill(managedForm.getToolkit(), body);
        refresh();
    }

    /** Creates the page's sections on {@code body}. */
    protected abstract void fill(FormToolkit toolkit, Composite body);

    protected Seminar seminar() {
        return editor.seminar();
    }

    protected FieldBindings fields() {
        return fields;
    }

    protected FeatureTable table(Composite parent, FormToolkit toolkit,
            java.util.function.Supplier<List<? extends org.eclipse.emf.ecore.EObject>> rows) {
        FeatureTable table = new FeatureTable(parent, toolkit, editor.getEditingDomain(),
                getManagedForm().getMessageManager(), rows);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(table.control());
        tables.add(table);
        return table;
    }

    /** A section with one table that takes the whole page (the timetable, the speakers, the materials). */
    protected FeatureTable pageTable(FormToolkit toolkit, Composite body, String title,
            java.util.function.Supplier<List<? extends org.eclipse.emf.ecore.EObject>> rows) {
        GridLayoutFactory.swtDefaults().applyTo(body);
        Composite client = section(toolkit, body, title);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(client.getParent());
        FeatureTable table = table(client, toolkit, rows);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(table.control());
        return table;
    }

    /** A titled section whose client area lays out labels and fields in two columns. */
    protected static Composite section(FormToolkit toolkit, Composite body, String title) {
        Section section = toolkit.createSection(body, ExpandableComposite.TITLE_BAR | ExpandableComposite.EXPANDED);
        section.setText(title);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(section);
        Composite client = toolkit.createComposite(section);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(client);
        section.setClient(client);
        return client;
    }

    /**
     * Shows where {@code element}'s {@code field} is edited: selects its row (and opens the cell), or
     * puts the cursor in its field.
     */
    void reveal(org.eclipse.emf.ecore.EObject element, String field) {
        for (FeatureTable table : tables) {
            if (table.reveal(element, field)) {
                return;
            }
        }
        if (focusField(getManagedForm().getForm().getBody(), field) instanceof org.eclipse.swt.widgets.Control control) {
            getManagedForm().getForm().showControl(control);
        }
    }

    /**
     * Puts the cursor in the control below {@code root} that edits {@code field} (a text, a check box,
     * the table of a list), never in a table's cell editor, which only the table itself opens.
     *
     * @return the control, or null when there is none
     */
    static org.eclipse.swt.widgets.Control focusField(org.eclipse.swt.widgets.Control root, String field) {
        for (org.eclipse.swt.widgets.Control control : controls(root)) {
            if (field.equals(control.getData("attribute")) && !(control.getParent() instanceof org.eclipse.swt.widgets.Table)) {
                control.setFocus();
                return control;
            }
        }
        return null;
    }

    private static List<org.eclipse.swt.widgets.Control> controls(org.eclipse.swt.widgets.Control root) {
        List<org.eclipse.swt.widgets.Control> all = new ArrayList<>();
        all.add(root);
        if (root instanceof Composite composite) {
            for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
                all.addAll(controls(child));
            }
        }
        return all;
    }

    void refresh() {
        if (fields != null) {
            fields.refresh();
            tables.forEach(FeatureTable::refresh);
        }
    }
}
