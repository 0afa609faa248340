package org.manabi.ui.internal.editor;

import static org.manabi.model.ManabiPackage.Literals.QUIZ__ATTEMPTS;
import static org.manabi.model.ManabiPackage.Literals.QUIZ__PASS_PERCENT;
import static org.manabi.model.ManabiPackage.Literals.QUIZ__QUESTIONS;
import static org.manabi.model.ManabiPackage.Literals.QUIZ__REVIEW;
import static org.manabi.model.ManabiPackage.Literals.QUIZ__SHUFFLE_CHOICES;
import static org.manabi.model.ManabiPackage.Literals.QUIZ__SHUFFLE_QUESTIONS;
import static org.manabi.model.ManabiPackage.Literals.QUIZ__TIME_LIMIT_MINUTES;
import static org.manabi.model.ManabiPackage.Literals.QUIZ__TITLE;
import static org.manabi.model.ManabiPackage.Literals.REVIEW_SETTINGS__SHOW_CORRECTNESS;
import static org.manabi.model.ManabiPackage.Literals.REVIEW_SETTINGS__SHOW_FEEDBACK;
import static org.manabi.model.ManabiPackage.Literals.REVIEW_SETTINGS__SHOW_RIGHT_ANSWERS;
import static org.manabi.model.ManabiPackage.Literals.REVIEW_SETTINGS__SHOW_SCORE;
import static org.manabi.model.ManabiPackage.Literals.REVIEW_SETTINGS__WHEN;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__QUIZ;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.widgets.Composite;
import org.manabi.model.ManabiFactory;
import org.manabi.model.Quiz;

/** The seminar's quiz: attempts, time limit, pass mark, shuffling, what a participant sees afterwards, and its questions. */
final class QuizPage extends QuestionnairePage {

    static final String ID = "quiz";

    QuizPage(SeminarEditor editor) {
        super(editor, ID, EditorMessages.Page_quiz, SEMINAR__QUIZ, QUIZ__QUESTIONS, EditorMessages.None_quiz,
                EditorMessages.Create_quiz);
    }

    @Override
    protected void settings(FieldBindings fields, Composite settings, EObject quiz) {
        fields(fields, settings, quiz, null, QUIZ__TITLE, QUIZ__ATTEMPTS, QUIZ__TIME_LIMIT_MINUTES, QUIZ__PASS_PERCENT,
                QUIZ__SHUFFLE_QUESTIONS, QUIZ__SHUFFLE_CHOICES);
        // the review settings are a contained object: the first value set creates it (FieldBindings)
        fields(fields, settings, quiz, QUIZ__REVIEW, REVIEW_SETTINGS__WHEN, REVIEW_SETTINGS__SHOW_SCORE,
                REVIEW_SETTINGS__SHOW_CORRECTNESS, REVIEW_SETTINGS__SHOW_RIGHT_ANSWERS, REVIEW_SETTINGS__SHOW_FEEDBACK);
    }

    @Override
    protected EObject create(String id) {
        Quiz quiz = ManabiFactory.eINSTANCE.createQuiz();
        quiz.setId(id);
        quiz.setTitle(seminar().getTitle());
        quiz.setReview(ManabiFactory.eINSTANCE.createReviewSettings());
        return quiz;
    }
}
