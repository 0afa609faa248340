package org.manabi.server.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.manabi.server.Catalogue;
import org.manabi.server.Catalogue.Offer;
import org.manabi.server.Email;
import org.manabi.server.Mailer;
import org.manabi.store.PersonalDataRequests;
import org.manabi.store.Registration;
import org.manabi.store.RegistrationNotices;
import org.manabi.store.RegistrationNotices.Notice;
import org.manabi.store.RegistrationStatus;
import org.manabi.store.Registrations;
import org.manabi.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the mails owed about registrations, on a thread of its own: the notices that the store
 * wrote with each change ({@link RegistrationNotices}). The answer to a registration never waits for
 * its mail, and the mails waiting are rows in the database, not objects on the heap: a burst of
 * registrations leaves a backlog that is sent as fast as the mailer goes, and a server that stops
 * or is killed sends what it owes when it starts again (or another node does).
 * <p>
 * Each mail is written when it is sent, from the registration as it stands then. A mail that cannot
 * be sent is tried again later, waiting longer each time, and given up (with an error in the log
 * for staff) after {@value #MAX_ATTEMPTS} attempts; the person's page shows what it would have said.
 */
public final class RegistrationMails implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationMails.class);
    private static final int BATCH = 50;
    /** Long enough to send a batch; a node that dies leaves its batch to the others after it. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    /** How often to look without being woken: notices of other nodes, retries, those left by a stop. */
    private static final Duration LOOK_EVERY = Duration.ofSeconds(5);
    static final int MAX_ATTEMPTS = 10;
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);

    private final RegistrationNotices notices;
    private final Registrations registrations;
    private final PersonalDataRequests requests;
    private final Catalogue catalogue;
    private final Mailer mailer;
    /** A permit means "there may be new notices": the thread looks at once instead of at its next round. */
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    public RegistrationMails(RegistrationNotices notices, Registrations registrations, PersonalDataRequests requests,
            Catalogue catalogue, Mailer mailer) {
        this.notices = notices;
        this.registrations = registrations;
        this.requests = requests;
        this.catalogue = catalogue;
        this.mailer = mailer;
        this.thread = new Thread(this::run, "manabi-registration-mail");
        thread.setDaemon(true);
        thread.start();
    }

    /** New notices were committed: send them now. */
    void wake() {
        wake.release();
    }

    /** Stops after the mail being sent; the notices not sent stay in the database for the next start. */
    @Override
    public void close() {
        running = false;
        wake.release();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                List<Notice> due = notices.take(BATCH, LEASE);
                if (due.isEmpty()) {
                    wake.tryAcquire(LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                    continue;
                }
                List<Long> done = new ArrayList<>(due.size());
                for (Notice notice : due) {
                    if (!running) {
                        break; // the rest are taken for a lease, then sent by whichever node looks next
                    }
                    if (deliver(notice)) {
                        done.add(notice.id());
                    }
                }
                notices.sent(done);
            } catch (StoreException e) {
                LOG.warn("The mails to participants cannot be read from the database; trying again in {} s: {}",
                        LOOK_EVERY.toSeconds(), e.getMessage());
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Sending the mails to participants failed; trying again in {} s", LOOK_EVERY.toSeconds(), e);
                pause();
            }
        }
    }

    /** Sends the notice's mail; true when the notice is settled (sent or not to be sent), false when it waits to be tried again. */
    private boolean deliver(Notice notice) throws StoreException {
        Optional<Registration> registration = registrations.byId(notice.registrationId());
        String what = notice.kind().key() + " email for registration "
                + notice.registrationId();
        if (registration.isEmpty() || registration.get().applicant().email().isEmpty()) {
            LOG.info("The {} is not sent: the registration no longer holds an address", what);
            return true;
        }
        if (requests.suspended(notice.registrationId())) {
            LOG.info("The {} is withheld: the use of the person's data is suspended", what);
            return true;
        }
        Email email = letter(registration.get(), notice.kind(), notice.site());
        try {
            mailer.send(email);
            return true;
        } catch (Exception e) {
            if (notice.attempts() + 1 >= MAX_ATTEMPTS) {
                LOG.error("The {} to {} could not be sent {} times and is given up: {}", what, email.to(),
                        MAX_ATTEMPTS, e.getMessage());
                return true;
            }
            Duration wait = retryAfter(notice.attempts());
            LOG.warn("The {} to {} could not be sent (trying again in {} min): {}", what, email.to(),
                    wait.toMinutes(), e.getMessage());
            notices.failed(notice, wait);
            return false;
        }
    }

    /** One minute after the first failure, doubling each time, at most six hours. */
    static Duration retryAfter(int attempts) {
        Duration wait = Duration.ofMinutes(1L << Math.min(attempts, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** The mail of a notice, in the participant's language, from the registration as it stands. */
    Email letter(Registration registration, RegistrationNotices.Kind kind, URI site) {
        Texts texts = Texts.of(registration.applicant().language());
        Offer offer = catalogue.offer(registration.seminarId()).orElse(null);
        String title = offer == null ? registration.seminarId()
                : texts.japanese() || offer.englishTitle() == null ? offer.title() : offer.englishTitle();
        String status = registration.status() == RegistrationStatus.WAITING
                ? texts.format("status_waiting_position", registration.position())
                : texts.get("status_" + registration.status().key());
        // subject and body take the same arguments: {0} name, {1} seminar, {2} status, {3} pool, {4} fee, {5} link
        Object[] arguments = { registration.applicant().name(), title, status,
                texts.get("pool_" + registration.pool().key()), registration.applicant().feeYen(),
                RegistrationDesk.link(site, registration.token()).toString() };
        String key = "mail_" + kind.key();
        return new Email(registration.applicant().email(), texts.format(key + "_subject", arguments),
                texts.format(key + "_body", arguments));
    }

    private void pause() {
        try {
            wake.tryAcquire(LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
