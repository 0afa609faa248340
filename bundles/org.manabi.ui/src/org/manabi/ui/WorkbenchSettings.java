package org.manabi.ui;

import java.nio.file.Path;

/**
 * What the workbench opens on.
 *
 * @param contentFolder the folder of curricula (XMI) and slide decks
 */
public record WorkbenchSettings(Path contentFolder) {
}
