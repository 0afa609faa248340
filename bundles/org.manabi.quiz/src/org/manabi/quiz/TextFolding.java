package org.manabi.quiz;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How short answers are compared: Unicode NFKC (full-width letters and digits, half-width kana,
 * compatibility forms become their plain forms), lower case, katakana as hiragana, and runs of
 * white space as one space, trimmed. 「ディコム」, 「でぃこむ」 and 「ﾃﾞｨｺﾑ」 fold to the same text;
 * 「ＤＩＣＭ」 and 「dicm」 too.
 */
public final class TextFolding {

    private TextFolding() {
    }

    /** {@code text} folded; {@code null} folds to the empty text. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(normal.length());
        boolean space = false;
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = folded.length() > 0;
                continue;
            }
            if (space) {
                folded.append(' ');
                space = false;
            }
            // katakana ァ..ヶ sit 0x60 above their hiragana ぁ..ゖ
            folded.append(c >= '\u30A1' && c <= '\u30F6' ? (char) (c - 0x60) : c);
        }
        return folded.toString();
    }
}
