package org.manabi.ui.internal;

/** Why the workbench has no content repository, for the views to say instead of showing nothing. */
public record ContentUnavailable(String reason) {
}
