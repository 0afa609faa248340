package org.manabi.quiz.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.manabi.quiz.TextFolding;

class TextFoldingTest {

    @Test
    void foldsWidthCaseKanaAndSpaces() {
        assertEquals("でぃこむ ps3.15", TextFolding.fold("　ﾃﾞｨｺﾑ　 ＰＳ３．１５ "));
        assertEquals("がいど", TextFolding.fold("ガイド"));
        assertEquals("ヷ".length(), TextFolding.fold("ヷ").length(), "letters without a hiragana twin stay");
        assertEquals("", TextFolding.fold(null));
    }
}
