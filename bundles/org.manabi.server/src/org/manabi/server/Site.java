package org.manabi.server;

import java.time.Clock;

import org.manabi.store.Database;
import org.manabi.store.Registrations;

/**
 * What the web server serves: the published seminars, the registrations in the store, the mail
 * it sends, and how it behaves.
 */
public record Site(Catalogue catalogue, Database database, Registrations registrations, Mailer mailer,
        ServerSettings settings, Clock clock) {

    /** A site over {@code database} with the curricula's seat limits, on the system clock. */
    public static Site of(Catalogue catalogue, Database database, Mailer mailer, ServerSettings settings) {
        Clock clock = Clock.systemUTC();
        return new Site(catalogue, database, new Registrations(database, catalogue, clock), mailer, settings, clock);
    }
}
