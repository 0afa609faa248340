package org.manabi.server;

import java.net.URI;

/**
 * How the web server behaves, as the command line or the workbench's preferences set it.
 *
 * @param publicUri        the address participants reach the server at, for the links in emails and
 *                         QR codes; {@code null}: the address each request came to. An {@code https}
 *                         address also marks the staff cookie {@code Secure} behind a TLS proxy.
 * @param registrationsPerMinute how many registrations one client address may make per minute
 *                         (0: no limit, for load tests)
 * @param loginsPerMinute  how many staff log-in attempts one client address may make per minute
 *                         (0: no limit)
 */
public record ServerSettings(URI publicUri, int registrationsPerMinute, int loginsPerMinute) {

    /**
     * 20 registrations a minute per address: a family or an office behind one address, not a script;
     * 10 log-in attempts: a mistyped password or two, not a guessing run.
     */
    public static final ServerSettings DEFAULT = new ServerSettings(null, 20, 10);
}
