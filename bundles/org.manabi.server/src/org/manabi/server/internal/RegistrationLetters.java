package org.manabi.server.internal;

import java.util.Optional;

import org.manabi.server.Catalogue;
import org.manabi.server.Catalogue.Offer;
import org.manabi.server.Email;
import org.manabi.store.OwedMails.Notice;
import org.manabi.store.PersonalDataRequests;
import org.manabi.store.Registration;
import org.manabi.store.RegistrationStatus;
import org.manabi.store.Registrations;
import org.manabi.store.StoreException;

/**
 * The mails about a registration (registered, already registered, moved up, moved to the other pool), in
 * the participant's language, from the registration as it stands when the mail is sent: the status and
 * waiting position are those of that moment.
 */
public final class RegistrationLetters implements Letter.Writer {

    private final Registrations registrations;
    private final PersonalDataRequests requests;
    private final Catalogue catalogue;

    public RegistrationLetters(Registrations registrations, PersonalDataRequests requests, Catalogue catalogue) {
        this.registrations = registrations;
        this.requests = requests;
        this.catalogue = catalogue;
    }

    @Override
    public Letter write(Notice notice) throws StoreException {
        Optional<Registration> found = registrations.byId(notice.about());
        if (found.isEmpty() || found.get().applicant().email().isEmpty()) {
            return Letter.noAddress();
        }
        if (requests.suspended(notice.about())) {
            return Letter.withheld();
        }
        Registration registration = found.get();
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
                RegistrationDesk.link(notice.site(), registration.token()).toString() };
        String key = "mail_" + notice.kind().key();
        return Letter.of(new Email(registration.applicant().email(), texts.format(key + "_subject", arguments),
                texts.format(key + "_body", arguments)));
    }
}
