package org.manabi.content;

import java.nio.file.Path;

/** Told when a content file has been written, so that views, indexes and servers can refresh. */
@FunctionalInterface
public interface ContentListener {

    /** @param file the content file that changed, relative to the content folder */
    void contentSaved(Path file);
}
