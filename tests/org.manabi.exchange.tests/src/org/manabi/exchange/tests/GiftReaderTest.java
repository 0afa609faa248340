package org.manabi.exchange.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.manabi.exchange.tests.Fixtures.all;
import static org.manabi.exchange.tests.Fixtures.problems;
import static org.manabi.exchange.tests.Fixtures.question;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
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

class GiftReaderTest {

    private static final String TRICKY = new String(Fixtures.bytes("tricky.gift"), StandardCharsets.UTF_8);

    private static ImportResult read(String gift) {
        return QuestionBanks.read(gift.getBytes(StandardCharsets.UTF_8), QuestionFormat.GIFT);
    }

    @Test
    void readsEveryReadableQuestionAndNamesTheLineOfEachUnreadableOne() {
        ImportResult result = read(TRICKY);

        assertEquals(List.of("DICOM 3.0 の年", "Port", "Range", "MultiNum", "Single with feedback", "Multi",
                "Weighted multi", "TF", "TFgeneral", "Short", "Escapes: all of them", "#12", "MD", "Essay",
                "#19"), Fixtures.labels(result), all(result.problems()));
        List<String> errors = result.problems().stream().filter(p -> p.severity() == Severity.ERROR)
                .map(p -> p.format("tricky.gift")).toList();
        assertEquals(4, result.skipped(), String.join("\n", errors));
        assertEquals("tricky.gift:52: error: Match: matching questions are not supported: Manabi has no matching type",
                errors.get(0));
        assertTrue(errors.get(1).startsWith("tricky.gift:54: error: Broken: the answer block { is not closed"), errors.get(1));
        assertTrue(errors.get(2).startsWith("tricky.gift:56: error: #17: a description"), errors.get(2));
        assertTrue(errors.get(3).startsWith("tricky.gift:58: error: Two right: a single-choice question needs exactly one"),
                errors.get(3));
    }

    @Test
    void numericAnswersToleranceRangesAndSeveralAnswers() {
        ImportResult result = read(TRICKY);

        NumericQuestion year = (NumericQuestion) question(result, "DICOM 3.0 の年");
        assertEquals("gift-year", year.getId(), "the [id:] comment is the id");
        assertEquals(1993.0, year.getAnswer());
        assertEquals(0.0, year.getTolerance());
        assertEquals("ACR-NEMA の後、1993 年です。", year.getFeedback());
        assertEquals("DICOM/基礎", year.getCategory());
        assertTrue(problems(result, "DICOM 3.0 の年").stream().anyMatch(p -> p.contains("tags are not kept: history")));
        assertTrue(problems(result, "DICOM 3.0 の年").stream().anyMatch(p -> p.contains("the title \"DICOM 3.0 の年\" is not kept")));

        NumericQuestion port = (NumericQuestion) question(result, "Port");
        assertNull(port.getId(), "a title is no id: the quiz gives one");
        assertEquals(List.of("f:9: warning: Port: the title \"Port\" is not kept: the model has no question titles"),
                problems(result, "Port"));
        assertEquals("The well-known port of DICOM is _____ (TCP).", port.getText());
        assertEquals(104.0, port.getAnswer());

        NumericQuestion range = (NumericQuestion) question(result, "Range");
        assertEquals(2.0, range.getAnswer());
        assertEquals(1.0, range.getTolerance());

        NumericQuestion pi = (NumericQuestion) question(result, "MultiNum");
        assertEquals(3.14, pi.getAnswer());
        assertEquals(0.005, pi.getTolerance());
        List<String> piProblems = problems(result, "MultiNum");
        assertTrue(piProblems.stream().anyMatch(p -> p.contains("the answer 3±0.5 (50% of the marks) is not kept")),
                piProblems.toString());
        assertTrue(piProblems.stream().anyMatch(p -> p.contains("\"3.14\" is not kept") && p.endsWith("Right")),
                piProblems.toString());
    }

    @Test
    void choicesWithFeedbackWeightsAndPartialCredit() {
        ImportResult result = read(TRICKY);

        SingleChoiceQuestion single = (SingleChoiceQuestion) question(result, "Single with feedback");
        assertEquals("Which part defines the security profiles?", single.getText());
        assertEquals("PS3.15 defines TLS, signatures and audit trails.", single.getFeedback());
        assertEquals(List.of("PS3.15", "PS3.14", "PS3.6"), single.getChoices().stream().map(Choice::getText).toList());
        assertTrue(single.getChoices().get(0).isCorrect());
        assertEquals("Right: security and system management.", single.getChoices().get(0).getFeedback());
        assertNull(single.getChoices().get(2).getFeedback());
        assertTrue(problems(result, "Single with feedback").stream().allMatch(p -> p.contains("title")),
                problems(result, "Single with feedback").toString());

        MultipleChoiceQuestion multi = (MultipleChoiceQuestion) question(result, "Multi");
        assertTrue(multi.isPartialCredit());
        assertEquals(List.of(true, true, false, false), multi.getChoices().stream().map(Choice::isCorrect).toList());
        assertEquals("Not DICOM.", multi.getChoices().get(2).getFeedback());
        assertTrue(problems(result, "Multi").stream().allMatch(p -> p.contains("title")),
                "equal shares and equal costs are the model's partial credit: " + problems(result, "Multi"));

        MultipleChoiceQuestion weighted = (MultipleChoiceQuestion) question(result, "Weighted multi");
        assertEquals(List.of(true, true, false), weighted.getChoices().stream().map(Choice::isCorrect).toList());
        List<String> weightedProblems = problems(result, "Weighted multi");
        assertTrue(weightedProblems.stream().anyMatch(p -> p.contains("70% CT, 30% MR") && p.contains("same share, 50%")),
                weightedProblems.toString());
        assertTrue(weightedProblems.stream().anyMatch(p -> p.contains("0% PACS") && p.contains("-50%")),
                weightedProblems.toString());

        SingleChoiceQuestion missingWord = (SingleChoiceQuestion) question(result, "#19");
        assertEquals("Missing word: DICOM _____ TCP/IP.", missingWord.getText());
        assertEquals("uses", missingWord.getChoices().get(0).getText());
    }

    @Test
    void trueFalseKeepsTheFeedbackForAWrongAnswer() {
        ImportResult result = read(TRICKY);

        TrueFalseQuestion tf = (TrueFalseQuestion) question(result, "TF");
        assertFalse(tf.isAnswer());
        assertEquals("Type 2 must be present, possibly empty.", tf.getFeedback());
        assertTrue(problems(result, "TF").stream().anyMatch(p -> p.contains("feedback for a right answer is not kept")
                && p.endsWith("Right, they must be present.")), problems(result, "TF").toString());

        TrueFalseQuestion general = (TrueFalseQuestion) question(result, "TFgeneral");
        assertTrue(general.isAnswer());
        assertEquals("Then come the letters DICM.", general.getFeedback());
    }

    @Test
    void escapesFormatsShortAnswersAndEssays() {
        ImportResult result = read(TRICKY);

        SingleChoiceQuestion escapes = (SingleChoiceQuestion) question(result, "Escapes: all of them");
        assertEquals("Write a {brace}, a ~tilde, an = equals, a # hash,\na colon: and a backslash \\ ok?",
                escapes.getText());
        assertEquals("yes ~ really", escapes.getChoices().get(0).getText());
        assertEquals("fine", escapes.getChoices().get(0).getFeedback());
        assertEquals("no", escapes.getChoices().get(1).getText());

        TrueFalseQuestion html = (TrueFalseQuestion) question(result, "#12");
        assertEquals("HTML bold & entities", html.getText());
        assertTrue(problems(result, "#12").stream().anyMatch(p -> p.contains("HTML markup removed") && p.contains("<b>")));

        assertEquals("*Markdown* stays as written", question(result, "MD").getText());

        ShortAnswerQuestion shortAnswer = (ShortAnswerQuestion) question(result, "Short");
        assertEquals(List.of("DICM", "ＤＩＣＭ"), shortAnswer.getAcceptedAnswers());
        assertEquals("The 4 letters after the preamble are _____.", shortAnswer.getText());

        FreeTextQuestion essay = (FreeTextQuestion) question(result, "Essay");
        assertEquals("記述", essay.getCategory(), "a second $CATEGORY applies from there on");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsChangeNothing() {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] crlf = TRICKY.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + crlf.length];
        System.arraycopy(bom, 0, both, 0, bom.length);
        System.arraycopy(crlf, 0, both, bom.length, crlf.length);

        ImportResult plain = read(TRICKY);
        ImportResult windows = QuestionBanks.read(both, QuestionFormat.GIFT);

        assertEquals(all(plain.problems()), all(windows.problems()));
        assertEquals(plain.questions().size(), windows.questions().size());
        for (int i = 0; i < plain.questions().size(); i++) {
            assertTrue(org.eclipse.emf.ecore.util.EcoreUtil.equals(plain.questions().get(i).question(),
                    windows.questions().get(i).question()), plain.questions().get(i).label());
        }
    }

    @Test
    void aShiftJisFileIsReadWithAWarning() {
        String gift = "::sjis::画像の規格は何か。{=DICOM ~JPEG}\n";
        ImportResult result = QuestionBanks.read(gift.getBytes(Charset.forName("windows-31j")), QuestionFormat.GIFT);

        assertEquals("画像の規格は何か。", question(result, "sjis").getText());
        assertTrue(problems(result, null).get(0).contains("not UTF-8"), problems(result, null).toString());
    }

    @Test
    void unclosedTitlesAndStrayBracesAreErrorsOfTheirOwnQuestionOnly() {
        ImportResult result = read("""
                ::open title {=a ~b}

                a stray } brace {T}

                two {=a ~b} blocks {=c ~d}

                ::fine::ok {T}
                """);

        assertEquals(List.of("fine"), Fixtures.labels(result));
        assertEquals(List.of("f:1: error: #1: the title :: is not closed by ::"), problems(result, "#1"));
        assertTrue(problems(result, "#2").get(0).startsWith("f:3: error: #2: a closing brace } comes before"));
        assertTrue(problems(result, "#3").get(0).startsWith("f:5: error: #3: more than one answer block"));
    }

    @Test
    void aNumberThatIsNoneIsNamed() {
        ImportResult result = read("::n::How many? {#three}\n\n::w::Width {#１２:０.５}");

        assertEquals(List.of("f:1: error: n: \"three\" is not a number"), problems(result, "n"));
        NumericQuestion width = (NumericQuestion) question(result, "w");
        assertEquals(12.0, width.getAnswer(), "full-width digits are digits");
        assertEquals(0.5, width.getTolerance());
    }

    @Test
    void whatMoodleItselfWritesIsRead() {
        ImportResult result = read("""
                // question: 12  name: Band
                // [tag:  dicom ] Some words [id:   band-q   ] between the tokens.
                ::Band::Give a number from 1 to 5.{#
                \t=%100%3:2#
                \t~#Far off.
                }

                // question: 13  name: Animal
                ::Animal::Which imaging device?{
                \t=%100%CT#Good.
                \t=%50%X-ray#Close.
                \t=%0%*#No.
                \t####[html]<p>General.</p>
                }
                """);

        NumericQuestion band = (NumericQuestion) question(result, "Band");
        assertEquals("band-q", band.getId());
        assertEquals(3.0, band.getAnswer());
        assertEquals(2.0, band.getTolerance());
        List<String> bandProblems = problems(result, "Band");
        assertTrue(bandProblems.stream().anyMatch(p -> p.contains("tags are not kept: dicom")), bandProblems.toString());
        assertTrue(bandProblems.stream().anyMatch(p -> p.contains("\"*\" is not kept") && p.endsWith("Far off.")),
                bandProblems.toString());

        ShortAnswerQuestion animal = (ShortAnswerQuestion) question(result, "Animal");
        assertEquals(List.of("CT"), animal.getAcceptedAnswers());
        assertEquals("General.", animal.getFeedback());
        List<String> animalProblems = problems(result, "Animal");
        assertTrue(animalProblems.stream().noneMatch(p -> p.contains("wildcard")), animalProblems.toString());
        assertTrue(animalProblems.stream().anyMatch(p -> p.contains("the answer * (0% of the marks) is not kept")),
                animalProblems.toString());
    }
}
