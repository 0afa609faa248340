package org.manabi.quiz.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.manabi.quiz.Choice;
import org.manabi.quiz.Grading;
import org.manabi.quiz.Item;
import org.manabi.quiz.Mark;
import org.manabi.quiz.Mark.Verdict;

/** Every question kind of the model, marked on the server, with the inputs people really type. */
class GradingTest {

    private static final List<Choice> FOUR = List.of(new Choice("a", "PS3.15", true, null),
            new Choice("b", "PS3.14", false, null), new Choice("c", "PS3.6", false, null),
            new Choice("d", "PS3.3", false, null));

    @Test
    void singleChoiceScoresOnlyTheRightChoice() {
        Item single = new Item.SingleChoice("q", "?", 2, null, List.of(), FOUR);
        assertEquals(new Mark(2, 2, Verdict.RIGHT), Grading.mark(single, "a"));
        assertEquals(new Mark(0, 2, Verdict.WRONG), Grading.mark(single, "b"));
        assertEquals(new Mark(0, 2, Verdict.WRONG), Grading.mark(single, "no-such-choice"));
        assertEquals(new Mark(0, 2, Verdict.UNANSWERED), Grading.mark(single, ""));
        assertEquals(new Mark(0, 2, Verdict.UNANSWERED), Grading.mark(single, null));
    }

    /** Three right of five; the model: each right pick earns 1/3, each wrong pick costs as much, never below 0. */
    @Test
    void multipleChoiceWithPartialCreditAsTheModelDefinesIt() {
        List<Choice> five = List.of(new Choice("store", "C-STORE", true, null), new Choice("find", "C-FIND", true, null),
                new Choice("move", "C-MOVE", true, null), new Choice("create", "N-CREATE", false, null),
                new Choice("action", "N-ACTION", false, null));
        Item partial = new Item.MultipleChoice("q", "?", 3, null, List.of(), five, true);
        assertEquals(new Mark(3, 3, Verdict.RIGHT), Grading.mark(partial, "store\nfind\nmove"));
        assertEquals(new Mark(3, 3, Verdict.RIGHT), Grading.mark(partial, "move\nstore\nfind\nstore"));
        assertEquals(new Mark(2, 3, Verdict.PARTIAL), Grading.mark(partial, "store\nfind"));
        assertEquals(new Mark(1, 3, Verdict.PARTIAL), Grading.mark(partial, "store\nfind\ncreate"));
        assertEquals(new Mark(0, 3, Verdict.WRONG), Grading.mark(partial, "store\ncreate"));
        assertEquals(new Mark(0, 3, Verdict.WRONG), Grading.mark(partial, "store\ncreate\naction"), "never below 0");
        assertEquals(new Mark(0, 3, Verdict.WRONG), Grading.mark(partial, "create"));
        assertEquals(new Mark(0, 3, Verdict.UNANSWERED), Grading.mark(partial, "\n"));

        Item allOrNothing = new Item.MultipleChoice("q", "?", 3, null, List.of(), five, false);
        assertEquals(new Mark(3, 3, Verdict.RIGHT), Grading.mark(allOrNothing, "find\nstore\nmove"));
        assertEquals(new Mark(0, 3, Verdict.WRONG), Grading.mark(allOrNothing, "store\nfind"));
        assertEquals(new Mark(0, 3, Verdict.WRONG), Grading.mark(allOrNothing, "store\nfind\nmove\ncreate"));
    }

    @Test
    void partialCreditWithOneRightChoiceOfTwoPoints() {
        List<Choice> three = List.of(new Choice("a", "A", true, null), new Choice("b", "B", true, null),
                new Choice("c", "C", false, null));
        Item item = new Item.MultipleChoice("q", "?", 1, null, List.of(), three, true);
        assertEquals(0.5, Grading.mark(item, "a").points(), 1e-12);
        assertEquals(0.0, Grading.mark(item, "a\nc").points(), 1e-12);
        assertEquals(1.0, Grading.mark(item, "b\na").points(), 0.0);
    }

    @Test
    void trueFalse() {
        Item item = new Item.TrueFalse("q", "Type 2 may be left out.", 1, null, List.of(), false);
        assertEquals(Verdict.RIGHT, Grading.mark(item, "false").verdict());
        assertEquals(Verdict.RIGHT, Grading.mark(item, "ＦＡＬＳＥ").verdict());
        assertEquals(Verdict.RIGHT, Grading.mark(item, "×").verdict());
        assertEquals(Verdict.WRONG, Grading.mark(item, "true").verdict());
        assertEquals(Verdict.WRONG, Grading.mark(item, "maybe").verdict());
    }

    @ParameterizedTest
    @ValueSource(strings = { "1993", "１９９３", "1993年", "１９９３ 年", " 1993 ", "1993.0", "１９９３．０", "+1993",
            "1,993", "１，９９３", "1993e0" })
    void numericReadsFullWidthDigitsSeparatorsAndTheUnit(String typed) {
        Item item = new Item.Numeric("q", "?", 1, null, List.of(), new BigDecimal("1993"), BigDecimal.ZERO, "年");
        assertEquals(Verdict.RIGHT, Grading.mark(item, typed).verdict(), typed);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1992", "1994", "19 93 9", "千九百九十三", "1993円", "abc", "1993.5", "1.993" })
    void numericRejectsOtherNumbersAndNonNumbers(String typed) {
        Item item = new Item.Numeric("q", "?", 1, null, List.of(), new BigDecimal("1993"), BigDecimal.ZERO, "年");
        assertEquals(Verdict.WRONG, Grading.mark(item, typed).verdict(), typed);
    }

    @Test
    void numericToleranceIsInclusiveAndExactInDecimal() {
        Item item = new Item.Numeric("q", "?", 1, null, List.of(), new BigDecimal("-0.3"), new BigDecimal("0.1"), "");
        for (String right : List.of("-0.3", "−0.2", "－０．４", "-0,4", "ー0.35", "‐0.2")) {
            assertEquals(Verdict.RIGHT, Grading.mark(item, right).verdict(), right);
        }
        for (String wrong : List.of("-0.19", "-0.41", "0.3", "0.2")) {
            assertEquals(Verdict.WRONG, Grading.mark(item, wrong).verdict(), wrong);
        }
        Item thousands = new Item.Numeric("q", "?", 1, null, List.of(), new BigDecimal("1500"), BigDecimal.ZERO,
                "mm");
        assertEquals(Verdict.RIGHT, Grading.mark(thousands, "1,500 mm").verdict());
        assertEquals(Verdict.RIGHT, Grading.mark(thousands, "１，５００ｍｍ").verdict());
        assertEquals(Verdict.WRONG, Grading.mark(thousands, "1,5").verdict(), "a lone decimal comma: 1.5");
    }

    @ParameterizedTest
    @ValueSource(strings = { "DICM", "dicm", "ＤＩＣＭ", "ｄｉｃｍ", " DICM ", "\"DICM\"", "＂ＤＩＣＭ＂" })
    void shortAnswerFoldsWidthAndCase(String typed) {
        Item item = new Item.ShortAnswer("q", "?", 1, null, List.of(), List.of("DICM", "\"DICM\""));
        assertEquals(Verdict.RIGHT, Grading.mark(item, typed).verdict(), typed);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ディコム", "でぃこむ", "ﾃﾞｨｺﾑ", "　ディコム　", "デぃこム" })
    void shortAnswerFoldsKana(String typed) {
        Item item = new Item.ShortAnswer("q", "?", 1, null, List.of(), List.of("でぃこむ", "Specific Character Set"));
        assertEquals(Verdict.RIGHT, Grading.mark(item, typed).verdict(), typed);
    }

    @Test
    void shortAnswerKeepsWhatMatters() {
        Item item = new Item.ShortAnswer("q", "?", 1, null, List.of(), List.of("Specific Character Set"));
        assertEquals(Verdict.RIGHT, Grading.mark(item, "specific  character\tset").verdict());
        assertEquals(Verdict.WRONG, Grading.mark(item, "SpecificCharacterSet").verdict(),
                "spaces inside count; authors list the variants they accept");
        assertEquals(Verdict.WRONG, Grading.mark(item, "Specific Character").verdict());
    }

    @Test
    void surveyItemsAreNotMarked() {
        Item likert = new Item.Likert("q", "?", List.of(), 5, "low", "high");
        assertEquals(new Mark(0, 0, Verdict.UNGRADED), Grading.mark(likert, "4"));
        assertEquals(new Mark(0, 0, Verdict.UNGRADED), Grading.mark(new Item.FreeText("f", "?", List.of()), "ok"));
    }
}
