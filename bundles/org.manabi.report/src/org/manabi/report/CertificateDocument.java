package org.manabi.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.manabi.report.internal.CertificatePdf;

/**
 * A certificate of completion, in Japanese with English beneath, as a one-page A4 PDF with the
 * Japanese font embedded: who, which seminar, when, how many hours, who issues it, and the
 * verification code with a QR code of the address that checks it.
 *
 * @param name         the holder's name as registered
 * @param seminarTitle the seminar's (Japanese) title; {@code englishTitle} may be {@code null}
 * @param date         the day of completion (Japan time)
 * @param hours        the hours the seminar's rule credits, or {@code null} to leave them out
 * @param issuer       the body that issues it (the seminar's host)
 * @param code         the verification code
 * @param verifyUrl    where anyone checks the code ({@code …/verify/<code>})
 * @param qr           the modules of the QR code of {@code verifyUrl}, {@code qr[y][x]} dark, quiet zone included
 */
public record CertificateDocument(String name, String seminarTitle, String englishTitle, LocalDate date, Double hours,
        String issuer, String code, String verifyUrl, boolean[][] qr) {

    /** Writes the PDF to {@code out}. */
    public void write(OutputStream out) throws IOException, ReportException {
        CertificatePdf.write(this, out);
    }

    /** 2026年11月21日 */
    public String japaneseDate() {
        return date.format(DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPANESE));
    }

    /** 21 November 2026 */
    public String englishDate() {
        return date.format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
    }

    /** "1.5" for 1.5 hours, "3" for 3.0. */
    public String hoursText() {
        return hours == null ? null : hours % 1 == 0 ? String.valueOf(hours.intValue()) : String.valueOf(hours);
    }
}
