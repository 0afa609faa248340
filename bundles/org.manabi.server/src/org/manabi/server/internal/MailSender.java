package org.manabi.server.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.manabi.server.Mailer;
import org.manabi.store.OwedMails;
import org.manabi.store.OwedMails.About;
import org.manabi.store.OwedMails.Notice;
import org.manabi.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the mails owed, on a thread of its own: the rows that the store wrote with each change
 * ({@link OwedMails}) — about registrations, viewing IDs, document requests, personal-data requests.
 * An answer never waits for its mail, and the mails waiting are rows in the database, not objects on
 * the heap: a burst leaves a backlog that is sent as fast as the mailer goes once the rush is over
 * ({@link RequestRush}: a batch a second while it lasts, the cores going to the requests), and a
 * server that stops or is killed sends what it owes when it starts again (or another node does).
 * <p>
 * Each mail is written when it is sent, by the {@linkplain Letter.Writer writer} of what it tells of,
 * from the data as it stands then; a writer says when a mail is not to go (the address was removed, or
 * the use of the person's data is suspended). A mail that cannot be sent is tried again later, waiting
 * longer each time, and given up (with an error in the log for staff) after {@value #MAX_ATTEMPTS}
 * attempts; the person's page shows what it would have said.
 */
public final class MailSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private static final int BATCH = 50;
    /** Long enough to send a batch; a node that dies leaves its batch to the others after it. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    /** How often to look without being woken: mails of other nodes, retries, those left by a stop. */
    private static final Duration LOOK_EVERY = Duration.ofSeconds(5);
    static final int MAX_ATTEMPTS = 10;
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);

    private final OwedMails owed;
    private final Mailer mailer;
    private final RequestRush rush;
    private final Map<About, Letter.Writer> writers = new EnumMap<>(About.class);
    /** A permit means "there may be new mails": the thread looks at once instead of at its next round. */
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    /** @param rush when the server is rushed, each batch waits for its turn: the requests come first */
    public MailSender(OwedMails owed, Mailer mailer, RequestRush rush) {
        this.owed = owed;
        this.mailer = mailer;
        this.rush = rush;
        this.thread = new Thread(this::run, "manabi-mail");
        thread.setDaemon(true);
    }

    /** Who writes the mails about rows of {@code about}; each is set before {@link #start()}. */
    public void writes(About about, Letter.Writer writer) {
        if (thread.isAlive()) {
            throw new IllegalStateException("the writers are set before the sender starts");
        }
        writers.put(about, writer);
    }

    /** Starts sending, once every kind of row has its writer. */
    public void start() {
        if (!writers.keySet().containsAll(List.of(About.values()))) {
            throw new IllegalStateException("no writer for the mails about " + writers.keySet());
        }
        thread.start();
    }

    /** New mails owed were committed: send them now. */
    void wake() {
        wake.release();
    }

    /** Stops after the mail being sent; the mails not sent stay in the database for the next start. */
    @Override
    public void close() {
        running = false;
        wake.release();
        if (!thread.isAlive()) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                rush.awaitTurn();
                List<Notice> due = owed.take(BATCH, LEASE);
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
                owed.sent(done);
            } catch (StoreException e) {
                LOG.warn("The mails owed cannot be read from the database; trying again in {} s: {}",
                        LOOK_EVERY.toSeconds(), e.getMessage());
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Sending the mails owed failed; trying again in {} s", LOOK_EVERY.toSeconds(), e);
                pause();
            }
        }
    }

    /** Sends the notice's mail; true when the notice is settled (sent or not to be sent), false when it waits to be tried again. */
    private boolean deliver(Notice notice) throws StoreException {
        String what = notice.kind().key() + " email about " + notice.kind().about().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " "
                + notice.about();
        Letter letter = writers.get(notice.kind().about()).write(notice);
        if (letter.email() == null) {
            LOG.info("The {} is {}", what, letter.skipped());
            return true;
        }
        try {
            mailer.send(letter.email());
            return true;
        } catch (Exception e) {
            if (notice.attempts() + 1 >= MAX_ATTEMPTS) {
                LOG.error("The {} to {} could not be sent {} times and is given up: {}", what, letter.email().to(),
                        MAX_ATTEMPTS, e.getMessage());
                return true;
            }
            Duration wait = retryAfter(notice.attempts());
            LOG.warn("The {} to {} could not be sent (trying again in {} min): {}", what, letter.email().to(),
                    wait.toMinutes(), e.getMessage());
            owed.failed(notice, wait);
            return false;
        }
    }

    /** One minute after the first failure, doubling each time, at most six hours. */
    static Duration retryAfter(int attempts) {
        Duration wait = Duration.ofMinutes(1L << Math.min(attempts, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void pause() {
        try {
            wake.tryAcquire(LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
