package org.manabi.server;

import java.net.URI;

/**
 * How the web server behaves, as the command line or the workbench's preferences set it.
 *
 * @param publicUri        the address participants reach the server at, for the links in emails;
 *                         {@code null}: the address each request came to
 * @param registrationsPerMinute how many registrations one client address may make per minute
 *                         (0: no limit, for load tests)
 */
public record ServerSettings(URI publicUri, int registrationsPerMinute) {

    /** 20 registrations a minute per address: a family or an office behind one address, not a script. */
    public static final ServerSettings DEFAULT = new ServerSettings(null, 20);
}
