package org.manabi.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.manabi.report.internal.ReceiptPdf;

/**
 * A receipt that is a qualified invoice (適格簡易請求書) under Japan's invoice system, as a one-page
 * PDF with the Japanese font embedded: the issuer's name and registration number (T and 13
 * digits), the date, what was paid for, the amount per tax rate (tax included) and the tax in it.
 *
 * @param issuer             the issuer's name (the association)
 * @param registrationNumber the issuer's qualified-invoice registration number, {@code T} and 13 digits
 * @param number             the receipt number
 * @param date               the day of issue (Japan time)
 * @param addressee          to whom (organisation and name)
 * @param description        what the payment was for (the seminar's fee)
 * @param amountYen          the amount paid, tax included
 * @param taxRatePercent     the tax rate the amount bears
 * @param taxYen             the tax contained in the amount
 */
public record ReceiptDocument(String issuer, String registrationNumber, long number, LocalDate date, String addressee,
        String description, int amountYen, int taxRatePercent, int taxYen) {

    /** A registration number as the invoice rules write it: T followed by 13 digits. */
    public static boolean validRegistrationNumber(String number) {
        return number != null && number.matches("T[0-9]{13}");
    }

    public ReceiptDocument {
        if (!validRegistrationNumber(registrationNumber)) {
            throw new IllegalArgumentException("a qualified-invoice registration number is T and 13 digits: "
                    + registrationNumber);
        }
    }

    public void write(OutputStream out) throws IOException, ReportException {
        ReceiptPdf.write(this, out);
    }

    /** 2026年11月21日 */
    public String japaneseDate() {
        return date.format(DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPANESE));
    }

    /** ¥5,000 */
    public static String yen(int amount) {
        return String.format(Locale.JAPAN, "¥%,d", amount);
    }
}
