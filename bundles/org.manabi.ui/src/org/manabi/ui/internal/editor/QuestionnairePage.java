package org.manabi.ui.internal.editor;

import static org.manabi.model.ManabiPackage.Literals.QUESTION__POINTS;
import static org.manabi.model.ManabiPackage.Literals.QUESTION__TEXT;

import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.manabi.model.ManabiPackage;
import org.manabi.model.Question;

/**
 * A page for the seminar's quiz or survey: its settings, its questions (added by type, removed,
 * reordered, text and points edited in place) and the selected question in full. A seminar without
 * one gets a button that creates it. What the page shows is built for the quiz (or survey) the
 * seminar has now, and built again when that changes (created, or removed by an undo).
 */
abstract class QuestionnairePage extends SeminarPage {

    /** Every concrete question type of the model, in the order the type list offers them. */
    private static final List<EClass> QUESTION_TYPES = ManabiPackage.eINSTANCE.getEClassifiers().stream()
            .filter(EClass.class::isInstance).map(EClass.class::cast)
            .filter(type -> !type.isAbstract() && ManabiPackage.Literals.QUESTION.isSuperTypeOf(type)).toList();

    private final SeminarEditor editor;
    private final EReference holder;
    private final EReference questionList;
    private final String noneYet;
    private final String createLabel;
    private FormToolkit toolkit;
    private Composite body;
    private Composite content;
    private EObject shown;
    private FieldBindings contentFields;
    private FeatureTable questions;
    private QuestionDetails details;

    /**
     * @param holder the seminar's reference to what this page edits (its quiz, its survey)
     * @param questionList that one's list of questions
     * @param noneYet what the page says when the seminar has none
     * @param createLabel the label of the button that creates one
     */
    QuestionnairePage(SeminarEditor editor, String id, String title, EReference holder, EReference questionList,
            String noneYet, String createLabel) {
        super(editor, id, title);
        this.editor = editor;
        this.holder = holder;
        this.questionList = questionList;
        this.noneYet = noneYet;
        this.createLabel = createLabel;
    }

    /** The settings of {@code questionnaire}, as fields on {@code settings}. */
    protected abstract void settings(FieldBindings fields, Composite settings, EObject questionnaire);

    /** A new, empty quiz or survey with the id given. */
    protected abstract EObject create(String id);

    @Override
    protected void fill(FormToolkit toolkit, Composite body) {
        this.toolkit = toolkit;
        this.body = body;
        GridLayoutFactory.swtDefaults().applyTo(body);
        fields().onRefresh(this::follow);
    }

    /** Builds the page anew if the seminar's quiz (or survey) is another than the one shown, and refreshes it. */
    private void follow() {
        EObject current = (EObject) seminar().eGet(holder);
        if (content == null || current != shown) {
            if (content != null) {
                content.dispose();
            }
            getManagedForm().getMessageManager().removeAllMessages();
            shown = current;
            content = toolkit.createComposite(body);
            GridDataFactory.fillDefaults().grab(true, true).applyTo(content);
            contentFields = new FieldBindings(domain(), toolkit, getManagedForm().getMessageManager());
            questions = null;
            details = null;
            if (current == null) {
                offerToCreate();
            } else {
                build(current);
            }
            getManagedForm().reflow(true);
        }
        contentFields.refresh();
        if (questions != null) {
            questions.refresh();
            details.follow(selectedQuestion());
        }
    }

    private void offerToCreate() {
        GridLayoutFactory.swtDefaults().applyTo(content);
        toolkit.createLabel(content, noneYet);
        var create = toolkit.createButton(content, createLabel, SWT.PUSH);
        create.setData("action", "create");
        create.addListener(SWT.Selection, event -> {
            String id = new org.manabi.ui.internal.ContentIds(seminar().eResource().getResourceSet())
                    .claim(seminar().getId() + "-" + holder.getName());
            domain().getCommandStack().execute(SetCommand.create(domain(), seminar(), holder, create(id)));
        });
    }

    private void build(EObject questionnaire) {
        GridLayoutFactory.swtDefaults().numColumns(2).equalWidth(true).applyTo(content);
        Composite left = toolkit.createComposite(content);
        GridLayoutFactory.fillDefaults().applyTo(left);
        // a small width hint: the halves share the editor's width instead of asking for their tables' full width
        GridDataFactory.fillDefaults().grab(true, true).hint(100, SWT.DEFAULT).applyTo(left);
        settings(contentFields, section(toolkit, left, EditorMessages.Section_settings), questionnaire);

        Composite list = section(toolkit, left, EditorMessages.Section_questions);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(list.getParent());
        toolkit.createLabel(list, EditorMessages.NewQuestionType);
        Combo type = new Combo(list, SWT.READ_ONLY | SWT.DROP_DOWN);
        toolkit.adapt(type, true, false);
        type.setData("newQuestionType", Boolean.TRUE);
        QUESTION_TYPES.forEach(questionType -> type.add(ModelTexts.type(questionType)));
        type.select(0);
        questions = new FeatureTable(list, toolkit, domain(), getManagedForm().getMessageManager(),
                () -> (List<? extends EObject>) questionnaire.eGet(questionList))
                .column(EditorMessages.Column_type, 130, question -> ModelTexts.type(question.eClass()))
                .column(QUESTION__TEXT, 320).column(QUESTION__POINTS, 60)
                .listButtons(toolkit, questionnaire, questionList, () -> QUESTION_TYPES.get(Math.max(0, type.getSelectionIndex())));
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(SWT.DEFAULT, 220).applyTo(questions.control());

        Composite right = toolkit.createComposite(content);
        GridLayoutFactory.fillDefaults().applyTo(right);
        GridDataFactory.fillDefaults().grab(true, true).hint(100, SWT.DEFAULT).applyTo(right);
        details = new QuestionDetails(right, toolkit, domain(), getManagedForm(), seminar(),
                editor.getSite().getService(org.manabi.ui.internal.search.SearchIndex.class));
        questions.viewer().addSelectionChangedListener(event -> details.follow(selectedQuestion()));
    }

    private Question selectedQuestion() {
        var selection = questions.viewer().getStructuredSelection();
        return selection.size() == 1 && selection.getFirstElement() instanceof Question question
                && question.eContainer() != null ? question : null;
    }

    private EditingDomain domain() {
        return editor.getEditingDomain();
    }

    @Override
    void reveal(EObject element, String field) {
        for (EObject e = element; e != null; e = e.eContainer()) {
            if (e instanceof Question question && questions != null) {
                questions.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(question), true);
                details.follow(question);
                details.reveal(element, field);
                return;
            }
        }
        super.reveal(element, field);
    }

    /** A labelled field for each attribute of {@code owner}, or of its contained {@code via} where given. */
    static void fields(FieldBindings fields, Composite parent, EObject owner, EReference via, EAttribute... attributes) {
        for (EAttribute attribute : attributes) {
            fields.field(parent, owner, via, attribute);
        }
    }
}
