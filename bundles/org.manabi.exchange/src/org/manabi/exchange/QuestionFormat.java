package org.manabi.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The question-bank formats Manabi reads and writes, with the names the command line uses. */
public enum QuestionFormat {

    /** Moodle's GIFT text format: read and written. */
    GIFT("gift", true),
    /** Moodle's XML question format: read and written. */
    MOODLE_XML("moodlexml", true),
    /** IMS QTI 2.1 as an IMS content package (zip): written only. */
    QTI21("qti21", false);

    private final String key;
    private final boolean readable;

    QuestionFormat(String key, boolean readable) {
        this.key = key;
        this.readable = readable;
    }

    /** The name on the command line: gift, moodlexml, qti21. */
    public String key() {
        return key;
    }

    /** Whether Manabi can import this format (QTI is export only). */
    public boolean readable() {
        return readable;
    }

    /** The format named {@code key} (case-insensitive), or null. */
    public static QuestionFormat ofKey(String key) {
        for (QuestionFormat format : values()) {
            if (format.key.equalsIgnoreCase(key.strip())) {
                return format;
            }
        }
        return null;
    }

    /**
     * The readable format of a file, from its extension ({@code .gift}, {@code .xml}) or else from its first
     * characters (a {@code <quiz>} document is Moodle XML, other text GIFT).
     *
     * @return the format, or null when neither tells
     */
    public static QuestionFormat guess(String fileName, byte[] content) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gift")) {
            return GIFT;
        }
        if (name.endsWith(".xml")) {
            return MOODLE_XML;
        }
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").strip();
        if (head.startsWith("<")) {
            return head.contains("<quiz") ? MOODLE_XML : null;
        }
        // GIFT files carry no signature and are often called .txt: text that is not XML is read as GIFT,
        // whose reader then names every line it cannot make sense of
        return head.isEmpty() ? null : GIFT;
    }
}
