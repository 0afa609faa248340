package org.manabi.exchange.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;

import org.eclipse.osgi.util.NLS;

/** Numbers as question banks write them: no exponent, no trailing zeros. */
final class Numbers {

    private Numbers() {
    }

    /** The shortest text that reads back as the same double. */
    static String format(double value) {
        String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** A percentage as Moodle writes grades: at most 5 decimals (33.33333). */
    static String percent(double value) {
        return format(BigDecimal.valueOf(value).setScale(5, RoundingMode.HALF_EVEN).doubleValue());
    }

    /** A number as written by people: decimal point or comma, surrounding spaces, full-width digits. */
    static double parse(String text) throws Unreadable {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (normal.indexOf(',') >= 0 && normal.indexOf('.') < 0) {
            normal = normal.replace(',', '.');
        }
        try {
            double value = Double.parseDouble(normal);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below, with the text as written
        }
        throw new Unreadable(NLS.bind(Messages.Import_notANumber, text.strip()));
    }
}
