package org.manabi.quiz;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the number a participant typed, the way people type numbers in Japan and elsewhere:
 * full-width digits and signs (「１９９３」, 「－０．５」, 「＋３」), the minus sign U+2212 and dashes,
 * a decimal point or a full stop 「．」, thousands separated by commas (「1,000」, 「１，０００」), a
 * lone decimal comma (「0,5」), white space anywhere, and the question's unit after the number
 * (「1993年」, 「5 mm」). Exact decimal arithmetic: 0.1 + 0.2 is 0.3 here.
 */
public final class NumberReading {

    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,\\d+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private NumberReading() {
    }

    /** The number in {@code typed}, or empty when it is not one. */
    public static Optional<BigDecimal> read(String typed, String unit) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            // U+2212 minus sign and the dashes people type for it; NFKC leaves them alone
            plain.append(c == '\u2212' || (c >= '\u2010' && c <= '\u2015') || c == '\u30FC' ? '-' : c);
        }
        String number = withoutUnit(plain.toString(), unit);
        if (THOUSANDS.matcher(number).matches()) {
            number = number.replace(",", "");
        } else if (DECIMAL_COMMA.matcher(number).matches()) {
            number = number.replace(',', '.');
        }
        if (!NUMBER.matcher(number).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(number));
    }

    private static String withoutUnit(String number, String unit) {
        if (unit == null || unit.isBlank()) {
            return number;
        }
        String plainUnit = Normalizer.normalize(unit, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        return number.endsWith(plainUnit) ? number.substring(0, number.length() - plainUnit.length()) : number;
    }
}
