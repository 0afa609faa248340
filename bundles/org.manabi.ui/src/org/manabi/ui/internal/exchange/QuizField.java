package org.manabi.ui.internal.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.manabi.content.ContentRepository;
import org.manabi.model.FiscalYearPlan;
import org.manabi.model.Quiz;
import org.manabi.model.Seminar;

/**
 * The quizzes of the content in a drop-down, newest fiscal year first, with the one the workbench
 * selection points at (a quiz, a question of it, or its seminar) chosen at the start.
 */
final class QuizField {

    private final List<Quiz> quizzes = new ArrayList<>();
    private final Combo combo;

    QuizField(Composite parent, ContentRepository content, IStructuredSelection selection) {
        new Label(parent, SWT.NONE).setText(Messages.Page_quiz);
        combo = new Combo(parent, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(combo);
        if (content == null) {
            return;
        }
        List<FiscalYearPlan> plans = new ArrayList<>();
        content.curricula().forEach(curriculum -> plans.addAll(curriculum.getPlans()));
        plans.sort(Comparator.comparingInt(FiscalYearPlan::getFiscalYear).reversed());
        for (FiscalYearPlan plan : plans) {
            plan.getSeminars().stream().filter(s -> s.getQuiz() != null)
                    .sorted(Comparator.comparing(s -> Objects.toString(s.getTitle(), ""))).forEach(seminar -> {
                        quizzes.add(seminar.getQuiz());
                        combo.add(plan.getFiscalYear() + "  " + seminar.getTitle() + "  \u2014  "
                                + Objects.toString(seminar.getQuiz().getTitle(), "") + "  ("
                                + seminar.getQuiz().getId() + ")");
                    });
        }
        Object first = selection == null ? null : selection.getFirstElement();
        for (Object e = first; e instanceof org.eclipse.emf.ecore.EObject object; e = object.eContainer()) {
            Quiz quiz = object instanceof Seminar seminar ? seminar.getQuiz() : object instanceof Quiz q ? q : null;
            if (quiz != null && quizzes.contains(quiz)) {
                combo.select(quizzes.indexOf(quiz));
                break;
            }
        }
    }

    void onChange(Runnable listener) {
        combo.addListener(SWT.Selection, event -> listener.run());
    }

    /** The quiz chosen, or null. */
    Quiz quiz() {
        int index = combo.getSelectionIndex();
        return index < 0 ? null : quizzes.get(index);
    }

    /** Chooses the quiz {@code id}, as picking it in the list does. */
    void select(String id) {
        for (int i = 0; i < quizzes.size(); i++) {
            if (id.equals(quizzes.get(i).getId())) {
                combo.select(i);
                combo.notifyListeners(SWT.Selection, null);
                return;
            }
        }
        throw new IllegalArgumentException("no quiz " + id);
    }
}
