package org.manabi.server;

/** A plain-text email to one participant. */
public record Email(String to, String subject, String body) {
}
