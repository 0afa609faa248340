package org.manabi.exchange.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.manabi.exchange.tests.Fixtures.all;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.manabi.content.ContentRepository;
import org.manabi.exchange.ExchangeProblem;
import org.manabi.exchange.ImportResult;
import org.manabi.exchange.QuestionBanks;
import org.manabi.exchange.QuestionFormat;
import org.manabi.model.Curriculum;
import org.manabi.model.FiscalYearPlan;
import org.manabi.model.MultipleChoiceQuestion;
import org.manabi.model.NumericQuestion;
import org.manabi.model.Question;
import org.manabi.model.Quiz;
import org.manabi.model.Seminar;

/** import → export → import gives the same questions, for tricky banks and for the association's real quizzes. */
class RoundTripTest {

    private static final Path REAL_CONTENT = Path.of(System.getProperty("manabi.repository"), "content");

    static Stream<Arguments> banks() {
        return Stream.of(Arguments.of("tricky.gift", QuestionFormat.GIFT, QuestionFormat.GIFT),
                Arguments.of("bank.xml", QuestionFormat.MOODLE_XML, QuestionFormat.MOODLE_XML),
                Arguments.of("tricky.gift", QuestionFormat.GIFT, QuestionFormat.MOODLE_XML));
    }

    @ParameterizedTest(name = "{0} through {2}")
    @MethodSource("banks")
    void aBankReadWrittenAndReadAgainIsTheSame(String fixture, QuestionFormat from, QuestionFormat through)
            throws IOException {
        Quiz first = Fixtures.quiz("bank");
        QuestionBanks.addTo(first, QuestionBanks.read(Fixtures.bytes(fixture), from));
        assertTrue(first.getQuestions().size() >= 6, "the fixture gives questions to compare");

        ImportResult again = QuestionBanks.read(write(first, through), through);

        assertEquals("", all(again.problems()), "everything the model holds was written");
        Quiz second = Fixtures.quiz("bank");
        QuestionBanks.addTo(second, again);
        assertSame(first.getQuestions(), second.getQuestions());
    }

    @ParameterizedTest
    @EnumSource(value = QuestionFormat.class, names = { "GIFT", "MOODLE_XML" })
    void theRealQuizzesSurviveARoundTripButForWhatTheFormatCannotCarry(QuestionFormat format) throws Exception {
        List<Quiz> quizzes = realQuizzes();
        assertFalse(quizzes.isEmpty());
        for (Quiz quiz : quizzes) {
            List<ExchangeProblem> exportProblems = new ArrayList<>();
            byte[] written = write(quiz, format, exportProblems);
            List<Question> expected = new ArrayList<>(EcoreUtil.copyAll(quiz.getQuestions()));
            for (Question question : expected) {
                if (!question.getCitations().isEmpty()) {
                    question.getCitations().clear();
                    String named = question.getId() + ": " + (format == QuestionFormat.GIFT ? "GIFT" : "Moodle XML")
                            + " cannot carry slide citations";
                    assertTrue(all(exportProblems).contains(named), named);
                }
                if (format == QuestionFormat.GIFT && question instanceof NumericQuestion numeric
                        && numeric.getUnit() != null) {
                    numeric.setUnit(null);
                    assertTrue(all(exportProblems).contains("GIFT has no units"));
                }
                if (format == QuestionFormat.GIFT && question instanceof MultipleChoiceQuestion multiple
                        && !multiple.isPartialCredit()) {
                    multiple.setPartialCredit(true);
                    assertTrue(all(exportProblems).contains("GIFT has no all-or-nothing multiple choice"));
                }
                if (format == QuestionFormat.GIFT && question.getPoints() != 1) {
                    question.setPoints(1);
                    assertTrue(all(exportProblems).contains("GIFT has no points per question"));
                }
            }

            ImportResult read = QuestionBanks.read(written, format);
            assertEquals("", all(read.problems()), quiz.getId());
            Quiz copy = Fixtures.quiz(quiz.getId());
            QuestionBanks.addTo(copy, read);
            assertSame(expected, copy.getQuestions());
        }
    }

    static List<Quiz> realQuizzes() throws Exception {
        List<Quiz> quizzes = new ArrayList<>();
        for (Curriculum curriculum : ContentRepository.open(REAL_CONTENT).curricula()) {
            for (FiscalYearPlan plan : curriculum.getPlans()) {
                for (Seminar seminar : plan.getSeminars()) {
                    if (seminar.getQuiz() != null && !seminar.getQuiz().getQuestions().isEmpty()) {
                        quizzes.add(seminar.getQuiz());
                    }
                }
            }
        }
        return quizzes;
    }

    private static void assertSame(List<Question> expected, List<Question> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Question want = expected.get(i);
            Question got = actual.get(i);
            assertTrue(EcoreUtil.equals(want, got), () -> "question " + want.getId() + " differs:\n" + describe(want)
                    + "\n" + describe(got));
        }
    }

    private static String describe(Question question) {
        StringBuilder text = new StringBuilder(question.eClass().getName());
        question.eClass().getEAllAttributes().forEach(a -> text.append(' ').append(a.getName()).append('=')
                .append(question.eGet(a)));
        question.eContents().forEach(c -> text.append("\n  ").append(c.eClass().getName()).append(' ')
                .append(c.eClass().getEAllAttributes().stream().map(a -> a.getName() + "=" + c.eGet(a)).toList()));
        return text.toString();
    }

    static byte[] write(Quiz quiz, QuestionFormat format) throws IOException {
        return write(quiz, format, new ArrayList<>());
    }

    static byte[] write(Quiz quiz, QuestionFormat format, List<ExchangeProblem> problems) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        problems.addAll(QuestionBanks.write(quiz, format, out));
        return out.toByteArray();
    }
}
