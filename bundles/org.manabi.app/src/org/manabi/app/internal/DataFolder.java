package org.manabi.app.internal;

import java.nio.file.Path;

/** Where operational data lives: {@code --data DIR}, by default {@code ~/.manabi}. */
final class DataFolder {

    private DataFolder() {
    }

    static Path orDefault(Path data) {
        return data != null ? data : Path.of(System.getProperty("user.home"), ".manabi");
    }

    /** The search index, derived from the decks and rebuildable at any time. */
    static Path index(Path data) {
        return orDefault(data).resolve("index");
    }
}
