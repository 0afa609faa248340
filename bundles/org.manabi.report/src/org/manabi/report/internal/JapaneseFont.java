package org.manabi.report.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.osgi.util.NLS;
import org.manabi.report.ReportException;

/** The Japanese TrueType font every PDF of Manabi embeds (subset), so that any reader shows the Japanese. */
public final class JapaneseFont {

    private JapaneseFont() {
    }

    /** Where Japanese TrueType fonts live on the systems Manabi runs on; MANABI_FONT comes first. */
    static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        String chosen = System.getenv("MANABI_FONT");
        if (chosen != null && !chosen.isBlank()) {
            candidates.add(Path.of(chosen));
        }
        candidates.addAll(List.of(Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
                Path.of("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf"),
                Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
                Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
                Path.of(System.getProperty("user.home"), "Library/Fonts/ipaexg.ttf"),
                Path.of("C:/Windows/Fonts/ipaexg.ttf"), Path.of("C:/Windows/Fonts/BIZ-UDGothicR.ttc")));
        return candidates;
    }

    /** Loads the first font found into {@code document}, to be embedded as a subset. */
    public static PDType0Font load(PDDocument document) throws IOException, ReportException {
        Path file = candidates().stream().filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".ttf"))
                .findFirst().orElseThrow(() -> new ReportException(NLS.bind(Messages.Report_noFont, candidates())));
        return PDType0Font.load(document, file.toFile());
    }
}
