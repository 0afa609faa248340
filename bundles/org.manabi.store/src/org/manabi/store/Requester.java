package org.manabi.store;

/** Who asks for a viewing ID or a document's password on a request form. */
public record Requester(String name, String email, String organization, String language) {
}
