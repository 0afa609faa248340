package org.manabi.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.IMessageManager;
import org.eclipse.ui.forms.widgets.FormToolkit;

/**
 * Widgets of a form page bound to attributes of the edited model: every change the user makes goes
 * to the editing domain as a command (so it can be undone and makes the editor dirty), and every
 * change of the model (undo, redo, another page) shows in the widgets through {@link #refresh()}.
 * <p>
 * Text is checked as it is typed; an invalid value is marked on its field and in the form's header
 * and never reaches the model.
 */
final class FieldBindings {

    /** How many lines of a long text show without scrolling. */
    private static final int LONG_TEXT_LINES = 4;

    private final EditingDomain domain;
    private final FormToolkit toolkit;
    private final IMessageManager messages;
    private final List<Runnable> refreshers = new ArrayList<>();

    FieldBindings(EditingDomain domain, FormToolkit toolkit, IMessageManager messages) {
        this.domain = domain;
        this.toolkit = toolkit;
        this.messages = messages;
    }

    /**
     * A labelled field for {@code owner.via.attribute}, or {@code owner.attribute} when {@code via} is
     * null. Where {@code via} is an optional contained object (the fee, the VOD window) that does not
     * exist yet, the first value typed creates it, in the same undoable command.
     */
    void field(Composite parent, EObject owner, EReference via, EAttribute attribute) {
        toolkit.createLabel(parent, ModelTexts.feature(attribute));
        Path path = new Path(owner, via, attribute);
        if (attribute.getEAttributeType() instanceof EEnum eEnum) {
            combo(parent, path, eEnum);
        } else if (attribute.getEAttributeType().getInstanceClass() == boolean.class) {
            checkbox(parent, path);
        } else {
            text(parent, path);
        }
    }

    /**
     * A labelled field for long free text of {@code owner} (a question's text, its feedback): several
     * lines high, wrapping; Enter starts a new line and leaving the field sets the value.
     */
    void longText(Composite parent, EObject owner, EAttribute attribute) {
        Label label = toolkit.createLabel(parent, ModelTexts.feature(attribute));
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(label);
        Text text = text(parent, new Path(owner, null, attribute), SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        // a small width hint: the text wraps at the column's width instead of widening the page
        GridDataFactory.fillDefaults().grab(true, false).hint(100, LONG_TEXT_LINES * text.getLineHeight())
                .applyTo(text);
        text.addTraverseListener(event -> {
            // Tab leaves the field, as in the one-line fields, instead of typing a tab character
            if (event.detail == SWT.TRAVERSE_TAB_NEXT || event.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
                event.doit = true;
            }
        });
    }

    private void text(Composite parent, Path path) {
        Text text = text(parent, path, SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        // Enter sets the value at once in a one-line field
        text.addListener(SWT.DefaultSelection, event -> commit(path, text));
    }

    /** A text bound to the attribute: checked as it is typed, set when the field is left. */
    private Text text(Composite parent, Path path, int style) {
        Text text = toolkit.createText(parent, "", style);
        text.setData("attribute", path.attribute.getName());
        String key = path.attribute.getEContainingClass().getName() + "." + path.attribute.getName();
        text.addModifyListener(event -> {
            try {
                AttributeText.fromText(path.attribute, text.getText());
                messages.removeMessage(key, text);
            } catch (IllegalArgumentException invalid) {
                messages.addMessage(key, ModelTexts.feature(path.attribute) + ": " + invalid.getMessage(), null,
                        org.eclipse.jface.dialogs.IMessageProvider.ERROR, text);
            }
        });
        text.addListener(SWT.FocusOut, event -> commit(path, text));
        refreshers.add(() -> {
            // the platform's line ends in the widget ("\r\n" on Windows), "\n" in the model
            String shown = AttributeText.toText(path.attribute, path.value()).replace("\n", Text.DELIMITER);
            if (!text.getText().equals(shown)) {
                text.setText(shown);
            }
        });
        return text;
    }

    private void commit(Path path, Text text) {
        try {
            set(path, AttributeText.fromText(path.attribute, text.getText().replace(Text.DELIMITER, "\n")));
        } catch (IllegalArgumentException invalid) {
            // marked while typing; the model keeps its last valid value
        }
    }

    private void combo(Composite parent, Path path, EEnum type) {
        Combo combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        toolkit.adapt(combo, true, false);
        combo.setData("attribute", path.attribute.getName());
        List<EEnumLiteral> literals = type.getELiterals();
        for (EEnumLiteral literal : literals) {
            combo.add(ModelTexts.literal(type, literal.getInstance()));
        }
        combo.addListener(SWT.Selection, event -> {
            int index = combo.getSelectionIndex();
            if (index >= 0) {
                set(path, literals.get(index).getInstance());
            }
        });
        refreshers.add(() -> {
            Object value = path.value();
            int index = value == null ? -1 : literals.indexOf(type.getEEnumLiteral(((Enumerator) value).getValue()));
            if (combo.getSelectionIndex() != index) {
                if (index < 0) {
                    combo.deselectAll();
                } else {
                    combo.select(index);
                }
            }
        });
    }

    private void checkbox(Composite parent, Path path) {
        Button check = toolkit.createButton(parent, "", SWT.CHECK);
        check.setData("attribute", path.attribute.getName());
        check.addListener(SWT.Selection, event -> set(path, check.getSelection()));
        refreshers.add(() -> check.setSelection(Boolean.TRUE.equals(path.value())));
    }

    /** Registers what else must follow the model, e.g. a table of the page. */
    void onRefresh(Runnable refresher) {
        refreshers.add(refresher);
    }

    void refresh() {
        refreshers.forEach(Runnable::run);
    }

    private void set(Path path, Object value) {
        if (Objects.equals(value, path.value())) {
            return;
        }
        Command command;
        EObject target = path.target();
        if (target != null) {
            command = SetCommand.create(domain, target, path.attribute, value);
        } else {
            EObject created = EcoreUtil.create(path.via.getEReferenceType());
            created.eSet(path.attribute, value);
            command = SetCommand.create(domain, path.owner, path.via, created);
        }
        domain.getCommandStack().execute(command);
    }

    private record Path(EObject owner, EReference via, EAttribute attribute) {

        EObject target() {
            return via == null ? owner : (EObject) owner.eGet(via);
        }

        Object value() {
            EObject target = target();
            return target == null ? null : target.eGet(attribute);
        }
    }
}
