package org.manabi.app.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.manabi.app.internal.CommandErrors.Failure;
import org.manabi.content.ContentException;
import org.manabi.content.ContentRepository;
import org.manabi.model.Curriculum;
import org.manabi.model.FiscalYearPlan;
import org.manabi.model.Quiz;
import org.manabi.model.Seminar;

/** The quiz that {@code --quiz ID} names in a content folder, for import and export. */
record ContentQuizzes(ContentRepository repository, Quiz quiz) {

    /**
     * Opens the content folder and finds the quiz.
     *
     * @param noQuizKey the message when no id was given: a usage error that lists the quiz ids to choose from
     * @throws Failure when the folder cannot be read (1), no id was given (2) or no quiz has it (1)
     */
    static ContentQuizzes open(Path content, String quizId, String noQuizKey, CommandErrors errors) throws Failure {
        ContentRepository repository;
        try {
            repository = ContentRepository.open(content);
        } catch (ContentException e) {
            throw errors.badInput(e.getMessage());
        }
        List<Quiz> quizzes = new ArrayList<>();
        for (Curriculum curriculum : repository.curricula()) {
            for (FiscalYearPlan plan : curriculum.getPlans()) {
                for (Seminar seminar : plan.getSeminars()) {
                    if (seminar.getQuiz() != null) {
                        quizzes.add(seminar.getQuiz());
                    }
                }
            }
        }
        String ids = String.join(", ", quizzes.stream().map(Quiz::getId).toList());
        if (quizId == null) {
            throw errors.usage(errors.text(noQuizKey, ids));
        }
        Quiz quiz = quizzes.stream().filter(q -> quizId.equals(q.getId())).findFirst()
                .orElseThrow(() -> errors.badInput(errors.text("quiz.unknown", quizId, repository.root(), ids)));
        return new ContentQuizzes(repository, quiz);
    }
}
