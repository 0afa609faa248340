package org.manabi.ui.internal.editor;

import static org.manabi.model.ManabiPackage.Literals.CHOICE;
import static org.manabi.model.ManabiPackage.Literals.CHOICE__CORRECT;
import static org.manabi.model.ManabiPackage.Literals.CHOICE__FEEDBACK;
import static org.manabi.model.ManabiPackage.Literals.CHOICE__TEXT;
import static org.manabi.model.ManabiPackage.Literals.IDENTIFIED;
import static org.manabi.model.ManabiPackage.Literals.QUESTION__CITATIONS;
import static org.manabi.model.ManabiPackage.Literals.QUESTION__FEEDBACK;
import static org.manabi.model.ManabiPackage.Literals.QUESTION__TEXT;
import static org.manabi.model.ManabiPackage.Literals.SLIDE_CITATION__PAGE;
import static org.manabi.model.ManabiPackage.Literals.SLIDE_CITATION__PHRASE;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.manabi.model.ManabiFactory;
import org.manabi.model.Question;
import org.manabi.model.Seminar;
import org.manabi.model.SlideCitation;
import org.manabi.model.SlideDeck;
import org.manabi.ui.internal.search.SearchIndex;

/**
 * The selected question in full: its common fields and those of its type (the tolerance and unit of
 * a numeric question, the accepted answers of a short answer, the scale of a Likert item, …), its
 * choices with their feedback, and the slide pages it cites, picked from the thumbnails of the
 * seminar's decks. Built for one question, built again when another is selected.
 */
final class QuestionDetails {

    /** The question's free text, written in sentences: edited in fields several lines high. */
    private static final List<EAttribute> LONG_TEXTS = List.of(QUESTION__TEXT, QUESTION__FEEDBACK);

    private final Composite parent;
    private final FormToolkit toolkit;
    private final EditingDomain domain;
    private final IManagedForm form;
    private final Seminar seminar;
    private final SearchIndex pages;
    private Composite content;
    private Question shown;
    private FieldBindings fields;
    private final List<FeatureTable> tables = new ArrayList<>();

    QuestionDetails(Composite parent, FormToolkit toolkit, EditingDomain domain, IManagedForm form, Seminar seminar,
            SearchIndex pages) {
        this.parent = parent;
        this.toolkit = toolkit;
        this.domain = domain;
        this.form = form;
        this.seminar = seminar;
        this.pages = pages;
    }

    /** Shows {@code question} (null: none selected), building the widgets if it is not the one shown. */
    void follow(Question question) {
        if (content == null || question != shown) {
            if (content != null) {
                content.dispose();
            }
            shown = question;
            tables.clear();
            fields = new FieldBindings(domain, toolkit, form.getMessageManager());
            content = toolkit.createComposite(parent);
            GridLayoutFactory.fillDefaults().applyTo(content);
            GridDataFactory.fillDefaults().grab(true, true).applyTo(content);
            if (question == null) {
                toolkit.createLabel(content, EditorMessages.NoQuestionSelected);
            } else {
                build(question);
            }
            form.reflow(true);
        }
        fields.refresh();
        tables.forEach(FeatureTable::refresh);
    }

    /**
     * Puts the cursor where {@code field} of {@code element} (the shown question, a choice, a citation)
     * is edited: the cell of a choice or citation, the question's field, or the table of its choices or
     * citations when the field is that list (a question without a correct choice).
     */
    void reveal(org.eclipse.emf.ecore.EObject element, String field) {
        for (FeatureTable table : tables) {
            if (element != shown && table.reveal(element, field)) {
                return;
            }
        }
        SeminarPage.focusField(content, field);
    }

    private void build(Question question) {
        Composite general = SeminarPage.section(toolkit, content, ModelTexts.type(question.eClass()));
        for (EAttribute attribute : question.eClass().getEAllAttributes()) {
            if (IDENTIFIED.getEAllAttributes().contains(attribute)) {
                continue; // ids are made, not typed
            }
            if (attribute.isMany()) {
                lines(general, question, attribute);
            } else if (LONG_TEXTS.contains(attribute)) {
                fields.longText(general, question, attribute);
            } else {
                fields.field(general, question, null, attribute);
            }
        }
        EReference choices = (EReference) question.eClass().getEStructuralFeature("choices");
        if (choices != null) {
            Composite section = SeminarPage.section(toolkit, content, EditorMessages.Section_choices);
            table(section, choices.getName(), () -> (List<?>) question.eGet(choices))
                    .column(CHOICE__TEXT, 260).column(CHOICE__CORRECT, 70).column(CHOICE__FEEDBACK, 200)
                    .listButtons(toolkit, question, choices, CHOICE);
        }
        Composite citations = SeminarPage.section(toolkit, content, EditorMessages.Section_citations);
        FeatureTable cited = table(citations, QUESTION__CITATIONS.getName(), question::getCitations)
                .column(EditorMessages.Column_deck, 220, citation -> deckName(((SlideCitation) citation).getDeck()))
                .column(SLIDE_CITATION__PAGE, 60).column(SLIDE_CITATION__PHRASE, 180);
        var remove = toolkit.createButton(citations, EditorMessages.RemoveCitation, SWT.PUSH);
        GridDataFactory.fillDefaults().span(2, 1).align(SWT.BEGINNING, SWT.CENTER).applyTo(remove);
        remove.addListener(SWT.Selection, event -> {
            List<?> selected = cited.viewer().getStructuredSelection().toList();
            if (!selected.isEmpty()) {
                domain.getCommandStack().execute(RemoveCommand.create(domain, question, QUESTION__CITATIONS, selected));
            }
        });
        PageThumbnailStrip strip = new PageThumbnailStrip(citations, toolkit, () -> decks(seminar), pages,
                EditorMessages.CitePage, (deck, page) -> {
                    SlideCitation citation = ManabiFactory.eINSTANCE.createSlideCitation();
                    citation.setDeck(deck);
                    citation.setPage(page);
                    domain.getCommandStack().execute(AddCommand.create(domain, question, QUESTION__CITATIONS, citation));
                });
        fields.onRefresh(strip::refresh);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(strip.control());
    }

    /** The seminar's slide decks, in the order of its materials. */
    static List<SlideDeck> decks(Seminar seminar) {
        return seminar.getMaterials().stream().filter(SlideDeck.class::isInstance).map(SlideDeck.class::cast).toList();
    }

    static String deckName(SlideDeck deck) {
        if (deck == null) {
            return "";
        }
        return deck.getTitle() == null || deck.getTitle().isBlank() ? deck.getFile() : deck.getTitle();
    }

    /** A table of the question's list {@code feature} (its choices, its citations). */
    private FeatureTable table(Composite section, String feature, java.util.function.Supplier<List<?>> rows) {
        @SuppressWarnings("unchecked")
        FeatureTable table = new FeatureTable(section, toolkit, domain, form.getMessageManager(),
                () -> (List<? extends org.eclipse.emf.ecore.EObject>) rows.get());
        table.viewer().getTable().setData("attribute", feature);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(table.control());
        tables.add(table);
        return table;
    }

    /** A multi-line field for a list of strings (the accepted answers), one value a line; blank lines are dropped. */
    @SuppressWarnings("unchecked")
    private void lines(Composite parent, Question question, EAttribute attribute) {
        toolkit.createLabel(parent, ModelTexts.feature(attribute) + " " + EditorMessages.OnePerLine);
        Text text = toolkit.createText(parent, "", SWT.MULTI | SWT.V_SCROLL | SWT.WRAP);
        text.setData("attribute", attribute.getName());
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 60).applyTo(text);
        text.addListener(SWT.FocusOut, event -> {
            List<String> typed = text.getText().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (!Objects.equals(typed, question.eGet(attribute))) {
                domain.getCommandStack().execute(SetCommand.create(domain, question, attribute, typed));
            }
        });
        fields.onRefresh(() -> {
            String current = String.join("\n", (List<String>) question.eGet(attribute));
            if (!text.isFocusControl() && !text.getText().equals(current)) {
                text.setText(current);
            }
        });
    }
}
