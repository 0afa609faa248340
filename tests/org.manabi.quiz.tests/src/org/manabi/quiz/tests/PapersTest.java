package org.manabi.quiz.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.manabi.content.ContentRepository;
import org.manabi.model.Seminar;
import org.manabi.quiz.Citation;
import org.manabi.quiz.Grading;
import org.manabi.quiz.Item;
import org.manabi.quiz.Mark.Verdict;
import org.manabi.quiz.Paper;
import org.manabi.quiz.Papers;
import org.manabi.quiz.Review;

/** The real DICOM beginners' quiz and survey, as the server will run them. */
class PapersTest {

    private static Seminar seminar(String id) throws Exception {
        ContentRepository content = ContentRepository
                .open(Path.of(System.getProperty("manabi.repository"), "content"));
        return content.curricula().stream().flatMap(c -> c.getPlans().stream()).flatMap(p -> p.getSeminars().stream())
                .filter(s -> id.equals(s.getId())).findFirst().orElseThrow();
    }

    @Test
    void theQuizOfTheDicomBeginners() throws Exception {
        Paper quiz = Papers.quiz(seminar("dicom-beginner-2027")).orElseThrow();
        assertEquals("dicom-beginner-2027-quiz", quiz.id());
        assertEquals("dicom-beginner-2027", quiz.seminarId());
        assertTrue(quiz.graded());
        assertEquals(2, quiz.attempts());
        assertEquals(Duration.ofMinutes(20), quiz.timeLimit());
        assertEquals(70, quiz.passPercent());
        assertTrue(quiz.shuffleQuestions() && quiz.shuffleChoices());
        assertEquals(new Review(true, true, true, true, Review.When.IMMEDIATELY), quiz.review());

        Item.Numeric first = (Item.Numeric) quiz.items().get(0);
        assertEquals("dicom-beginner-q01", first.id());
        assertEquals(0, new BigDecimal("1993").compareTo(first.answer()));
        assertEquals("年", first.unit());
        Citation citation = first.citations().get(0);
        assertEquals("dicom-beginner-basics", citation.deckId());
        assertEquals(3, citation.page());
        assertTrue(Files.isRegularFile(citation.pdf()), citation.pdf().toString());
        assertEquals(Verdict.RIGHT, Grading.mark(first, "１９９３年").verdict());

        Item.ShortAnswer dicm = (Item.ShortAnswer) quiz.item("dicom-beginner-q04").orElseThrow();
        assertEquals(Verdict.RIGHT, Grading.mark(dicm, "ｄｉｃｍ").verdict());
        assertTrue(quiz.maxPoints() >= quiz.items().size());
    }

    @Test
    void theSurveyIsCollectedNotMarked() throws Exception {
        Paper survey = Papers.survey(seminar("dicom-beginner-2027")).orElseThrow();
        assertFalse(survey.graded());
        assertEquals(0, survey.maxPoints());
        assertTrue(survey.items().stream().anyMatch(item -> item instanceof Item.Likert));
        assertTrue(survey.items().stream().anyMatch(item -> item instanceof Item.FreeText));
    }
}
