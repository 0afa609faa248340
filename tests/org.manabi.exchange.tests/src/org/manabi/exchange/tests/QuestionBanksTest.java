package org.manabi.exchange.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceImpl;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.junit.jupiter.api.Test;
import org.manabi.exchange.ImportResult;
import org.manabi.exchange.QuestionBanks;
import org.manabi.exchange.QuestionFormat;
import org.manabi.model.Choice;
import org.manabi.model.ManabiFactory;
import org.manabi.model.Quiz;
import org.manabi.model.SingleChoiceQuestion;

class QuestionBanksTest {

    private static ImportResult gift(String text) {
        return QuestionBanks.read(text.getBytes(StandardCharsets.UTF_8), QuestionFormat.GIFT);
    }

    @Test
    void readingChangesNoQuizAndAddingAppendsWithIdsFreeInTheWholeContent() {
        ResourceSet content = new ResourceSetImpl();
        Quiz quiz = Fixtures.quiz("dicom-quiz");
        SingleChoiceQuestion existing = ManabiFactory.eINSTANCE.createSingleChoiceQuestion();
        existing.setId("dicom-quiz-q01");
        existing.setText("already there");
        quiz.getQuestions().add(existing);
        Resource file = new ResourceImpl(URI.createURI("memory:/a.manabi"));
        file.getContents().add(quiz);
        content.getResources().add(file);
        Quiz elsewhere = Fixtures.quiz("other-quiz");
        SingleChoiceQuestion taken = ManabiFactory.eINSTANCE.createSingleChoiceQuestion();
        taken.setId("port");
        elsewhere.getQuestions().add(taken);
        Resource other = new ResourceImpl(URI.createURI("memory:/b.manabi"));
        other.getContents().add(elsewhere);
        content.getResources().add(other);

        ImportResult read = gift("""
                // [id:port]
                Which port? {=104 ~80}

                // [id:fresh-id]
                Which one? {=a ~b ~c}

                ::Q3::Which letter? {=x ~y}

                ::essay::Describe. {}
                """);
        assertEquals(1, quiz.getQuestions().size(), "reading changed nothing");

        ImportResult added = QuestionBanks.addTo(quiz, read);

        assertEquals(List.of("dicom-quiz-q01", "dicom-quiz-q02", "fresh-id", "dicom-quiz-q03"),
                quiz.getQuestions().stream().map(q -> q.getId()).toList());
        assertEquals(List.of("dicom-quiz-q02-a", "dicom-quiz-q02-b"),
                ((SingleChoiceQuestion) quiz.getQuestions().get(1)).getChoices().stream().map(Choice::getId).toList());
        assertEquals(3, added.questions().size());
        assertEquals(1, added.skipped());
        assertEquals(List.of("f:2: warning: #1: the id port is taken in this content; the question is dicom-quiz-q02",
                "f:9: error: essay: free-text and Likert questions cannot be graded in a quiz; put them in a survey"),
                added.problems().subList(read.problems().size(), added.problems().size()).stream()
                        .map(p -> p.format("f")).toList());
    }

    @Test
    void theFormatIsGuessedFromTheNameThenFromTheContent() {
        byte[] xml = "\uFEFF<?xml version=\"1.0\"?>\n<quiz></quiz>".getBytes(StandardCharsets.UTF_8);
        byte[] gift = "// questions\n::a::b{T}".getBytes(StandardCharsets.UTF_8);

        assertEquals(QuestionFormat.GIFT, QuestionFormat.guess("bank.GIFT", xml));
        assertEquals(QuestionFormat.MOODLE_XML, QuestionFormat.guess("bank.xml", gift));
        assertEquals(QuestionFormat.MOODLE_XML, QuestionFormat.guess("questions.txt", xml));
        assertEquals(QuestionFormat.GIFT, QuestionFormat.guess("questions.txt", gift));
        assertNull(QuestionFormat.guess("page.html", "<html></html>".getBytes(StandardCharsets.UTF_8)));
        assertNull(QuestionFormat.guess("empty.txt", new byte[0]));
        assertEquals(QuestionFormat.QTI21, QuestionFormat.ofKey("QTI21"));
        assertTrue(!QuestionFormat.QTI21.readable() && QuestionFormat.GIFT.readable());
    }
}
