package org.manabi.ui.internal.editor;

import static org.manabi.model.ManabiPackage.Literals.SEMINAR__SURVEY;
import static org.manabi.model.ManabiPackage.Literals.SURVEY__BEFORE_SEMINAR;
import static org.manabi.model.ManabiPackage.Literals.SURVEY__QUESTIONS;
import static org.manabi.model.ManabiPackage.Literals.SURVEY__TITLE;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.widgets.Composite;
import org.manabi.model.ManabiFactory;
import org.manabi.model.Survey;

/** The seminar's questionnaire (before or after the seminar) and its questions. */
final class SurveyPage extends QuestionnairePage {

    static final String ID = "survey";

    SurveyPage(SeminarEditor editor) {
        super(editor, ID, EditorMessages.Page_survey, SEMINAR__SURVEY, SURVEY__QUESTIONS, EditorMessages.None_survey,
                EditorMessages.Create_survey);
    }

    @Override
    protected void settings(FieldBindings fields, Composite settings, EObject survey) {
        fields(fields, settings, survey, null, SURVEY__TITLE, SURVEY__BEFORE_SEMINAR);
    }

    @Override
    protected EObject create(String id) {
        Survey survey = ManabiFactory.eINSTANCE.createSurvey();
        survey.setId(id);
        survey.setTitle(seminar().getTitle());
        return survey;
    }
}
