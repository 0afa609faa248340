package org.manabi.deckgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A slide deck as its authors write it: a header of {@code key: value} lines, then one block per
 * page, blocks separated by a line {@code ---}. In a block, {@code # } starts the slide's heading,
 * {@code ## } a subheading, {@code - } a bullet, {@code   - } a sub-bullet; other lines are text,
 * and an empty line is a gap.
 */
record DeckSource(Path file, Map<String, String> header, List<List<String>> pages) {

    static DeckSource read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, String> header = new LinkedHashMap<>();
        List<List<String>> pages = new ArrayList<>();
        List<String> current = null;
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.strip().equals("---")) {
                current = new ArrayList<>();
                pages.add(current);
            } else if (current == null) {
                if (line.isBlank() || line.startsWith("//")) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException(file + ":" + number
                            + ": the header has 'key: value' lines only; pages start after a line '---'");
                }
                header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            } else {
                current.add(line.stripTrailing());
            }
        }
        pages.removeIf(page -> page.stream().allMatch(String::isBlank));
        if (!header.containsKey("title")) {
            throw new IllegalArgumentException(file + ": the header needs a 'title:' line");
        }
        if (pages.isEmpty()) {
            throw new IllegalArgumentException(file + ": no pages (blocks after a line '---')");
        }
        return new DeckSource(file, header, pages);
    }

    String title() {
        return header.get("title");
    }
}
