package org.manabi.exchange.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.manabi.exchange.tests.Fixtures.all;
import static org.manabi.exchange.tests.Fixtures.problems;
import static org.manabi.exchange.tests.Fixtures.question;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.exchange.ExchangeProblem.Severity;
import org.manabi.exchange.ImportResult;
import org.manabi.exchange.QuestionBanks;
import org.manabi.exchange.QuestionFormat;
import org.manabi.model.Choice;
import org.manabi.model.FreeTextQuestion;
import org.manabi.model.MultipleChoiceQuestion;
import org.manabi.model.NumericQuestion;
import org.manabi.model.ShortAnswerQuestion;
import org.manabi.model.SingleChoiceQuestion;
import org.manabi.model.TrueFalseQuestion;

class MoodleXmlReaderTest {

    private static ImportResult read(String xml) {
        return QuestionBanks.read(xml.getBytes(StandardCharsets.UTF_8), QuestionFormat.MOODLE_XML);
    }

    private static final ImportResult BANK = QuestionBanks.read(Fixtures.bytes("bank.xml"), QuestionFormat.MOODLE_XML);

    @Test
    void readsTheBankAndSkipsWhatManabiHasNoTypeForWithTheLineOfItsQuestion() {
        assertEquals(List.of("moodle-mc1", "Which are composite services?", "DICM", "モダリティ", "moodle-year",
                "moodle-all", "moodle-essay"), Fixtures.labels(BANK), all(BANK.problems()));
        List<String> errors = BANK.problems().stream().filter(p -> p.severity() == Severity.ERROR)
                .map(p -> p.format("bank.xml")).toList();
        assertEquals(List.of("bank.xml:95: error: Intro: a description, not a question: nothing to import",
                "bank.xml:100: error: Calc: the question type \"calculated\" is not supported",
                "bank.xml:105: error: no right: a single-choice question needs exactly one choice with full marks; this one has 0"),
                errors);
    }

    @Test
    void choicesKeepTheirFeedbackAndPointsTheirGrade() {
        SingleChoiceQuestion single = (SingleChoiceQuestion) question(BANK, "moodle-mc1");
        assertNull(single.getId(), "no idnumber: the quiz gives the id");
        assertEquals("Which port is registered for DICOM?", single.getText());
        assertEquals("104 is DICOM's port; 11112 is common too.", single.getFeedback());
        assertEquals(2, single.getPoints());
        assertEquals("Default for DICOM/Network", single.getCategory());
        assertEquals(List.of("104", "80", "443 & 8443"), single.getChoices().stream().map(Choice::getText).toList());
        assertEquals("That is HTTP.", single.getChoices().get(1).getFeedback());
        assertEquals(List.of("f:9: warning: moodle-mc1: the title \"moodle-mc1\" is not kept: the model has no question titles"),
                problems(BANK, "moodle-mc1"), "Moodle's default combined feedback is no loss");

        MultipleChoiceQuestion multi = (MultipleChoiceQuestion) question(BANK, "Which are composite services?");
        assertEquals("moodle-multi", multi.getId(), "the idnumber is the id");
        assertEquals("Which are composite services?\nPick all.", multi.getText());
        assertTrue(multi.isPartialCredit());
        assertEquals("A normalized service.", multi.getChoices().get(2).getFeedback());
        assertEquals(List.of(), problems(BANK, "Which are composite services?"));

        MultipleChoiceQuestion allOrNothing = (MultipleChoiceQuestion) question(BANK, "moodle-all");
        assertFalse(allOrNothing.isPartialCredit());
        assertEquals("Pick every DIMSE-C service & nothing else.", allOrNothing.getText());
        assertEquals(List.of(true, true, false), allOrNothing.getChoices().stream().map(Choice::isCorrect).toList());
    }

    @Test
    void trueFalseShortAnswerNumericAndEssay() {
        TrueFalseQuestion tf = (TrueFalseQuestion) question(BANK, "DICM");
        assertFalse(tf.isAnswer());
        assertEquals("A DICOM file starts with \"DICM\".\nThink about the preamble.", tf.getText());
        assertEquals("128 bytes of preamble come first.", tf.getFeedback());
        assertTrue(problems(BANK, "DICM").stream().anyMatch(p -> p.contains("right answer is not kept")));

        ShortAnswerQuestion shortAnswer = (ShortAnswerQuestion) question(BANK, "モダリティ");
        assertEquals("moodle-short", shortAnswer.getId());
        assertEquals(List.of("CT", "ＣＴ"), shortAnswer.getAcceptedAnswers());
        List<String> shortProblems = problems(BANK, "モダリティ");
        assertTrue(shortProblems.stream().anyMatch(p -> p.contains("case-sensitively")), shortProblems.toString());
        assertTrue(shortProblems.stream().anyMatch(p -> p.contains("X-ray CT (50% of the marks)")), shortProblems.toString());
        assertTrue(shortProblems.stream().anyMatch(p -> p.contains("title \"モダリティ\" is not kept")), shortProblems.toString());

        NumericQuestion year = (NumericQuestion) question(BANK, "moodle-year");
        assertEquals(1993.0, year.getAnswer());
        assertEquals(0.5, year.getTolerance());
        assertEquals("年", year.getUnit());
        assertEquals(2, year.getPoints());
        List<String> yearProblems = problems(BANK, "moodle-year");
        assertTrue(yearProblems.stream().anyMatch(p -> p.contains("1.5 is rounded to 2")), yearProblems.toString());
        assertTrue(yearProblems.stream().anyMatch(p -> p.contains("\"*\"") && p.endsWith("Look at slide 3.")),
                yearProblems.toString());

        FreeTextQuestion essay = (FreeTextQuestion) question(BANK, "moodle-essay");
        assertEquals("Explain this flow.", essay.getText().replaceAll("\\s+", " "));
        assertEquals("Essays", essay.getCategory());
        List<String> essayProblems = problems(BANK, "moodle-essay");
        assertTrue(essayProblems.stream().anyMatch(p -> p.contains("<img>")), essayProblems.toString());
        assertTrue(essayProblems.stream().anyMatch(p -> p.contains("embedded file flow.png")), essayProblems.toString());
        assertTrue(essayProblems.stream().anyMatch(p -> p.contains("tags are not kept: network")), essayProblems.toString());
    }

    @Test
    void brokenXmlKeepsTheQuestionsBeforeTheBreakAndNamesItsLine() {
        ImportResult result = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <quiz>
                  <question type="truefalse">
                    <name><text>ok</text></name>
                    <questiontext><text>Fine.</text></questiontext>
                    <answer fraction="100"><text>true</text></answer>
                    <answer fraction="0"><text>false</text></answer>
                  </question>
                  <question type="truefalse">
                    <name><text>broken</text></name>
                    <questiontext><text>A < B</text></questiontext>
                  </question>
                </quiz>
                """);

        assertEquals(List.of("ok"), Fixtures.labels(result));
        assertEquals(1, result.skipped());
        List<String> errors = result.problems().stream().filter(p -> p.severity() == Severity.ERROR)
                .map(p -> p.format("f")).toList();
        assertTrue(errors.get(0).startsWith("f:11: error: #2: the XML is malformed"), errors.get(0));
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path temp) throws Exception {
        Path secret = temp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET", StandardCharsets.UTF_8);
        ImportResult result = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE quiz [ <!ENTITY leak SYSTEM "%s"> ]>
                <quiz>
                  <question type="truefalse">
                    <name><text>xxe</text></name>
                    <questiontext><text>&leak;</text></questiontext>
                    <answer fraction="100"><text>true</text></answer>
                    <answer fraction="0"><text>false</text></answer>
                  </question>
                </quiz>
                """.formatted(secret.toUri()));

        assertFalse(result.questions().stream().anyMatch(q -> String.valueOf(q.question().getText()).contains("TOP-SECRET")));
        assertFalse(all(result.problems()).contains("TOP-SECRET"));
        assertTrue(result.skipped() > 0 || result.questions().isEmpty(), all(result.problems()));
    }

    @Test
    void aDocumentThatIsNoQuizSaysWhatItIs() {
        ImportResult result = read("<?xml version=\"1.0\"?>\n<html><body/></html>");

        assertEquals(List.of("f:2: error: not a Moodle XML question bank: the document is <html>, not <quiz>"),
                problems(result, null));
    }
}
