package org.manabi.ui;

import java.nio.file.Path;

/**
 * What the workbench opens on.
 *
 * @param contentFolder the folder of curricula (XMI) and slide decks
 * @param dataFolder    operational data: the H2 database and the mail outbox of the embedded server
 * @param serverPort    the loopback port of the embedded web server (0: a free one), or {@code null}
 *                      to start none
 */
public record WorkbenchSettings(Path contentFolder, Path dataFolder, Integer serverPort) {
}
