package org.manabi.server.internal;

import java.net.URI;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.manabi.server.Catalogue;
import org.manabi.server.Email;
import org.manabi.server.internal.RegistrationDesk.InputProblem;
import org.manabi.store.AuditLog;
import org.manabi.store.OwedMails;
import org.manabi.store.OwedMails.Notice;
import org.manabi.store.OwedMails.Recipient;
import org.manabi.store.PersonalDataRequests;
import org.manabi.store.PersonalDataRequests.Kind;
import org.manabi.store.PersonalDataRequests.Request;
import org.manabi.store.Registration;
import org.manabi.store.Registrations;
import org.manabi.store.StaffMember;
import org.manabi.store.StoreException;
import org.manabi.store.ViewingId;
import org.manabi.store.ViewingIds;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Personal-data requests, for the participant's pages and API and for the staff's: checks what is
 * asked, stores it, writes the audit row of every step (asked, read by staff, settled, downloaded), and
 * writes the mails to the participant on receipt and on settlement, which the store owes with each.
 * <p>
 * A disclosure is downloadable once staff have granted it: under the APPI the business may withhold
 * some data (harm to a third party, serious hindrance to its work), which is a person's decision. The
 * file is put together at each download from what the database holds then, so no second copy of the
 * personal data waits on disk.
 */
final class PrivacyDesk {

    /** Who the audit log names for a participant's own steps through their link (the column is for staff). */
    static final String PARTICIPANT = "participant (own link)";
    private static final int MAX_REASON = 2000;

    /**
     * A request with the data of who asked as it is now (their {@code registration} or {@code viewing_id}
     * table row), for staff.
     */
    record Case(Request request, Map<String, Object> person) {

        /** Whether the person's data was removed (a registration anonymised, a viewing ID's address emptied). */
        boolean anonymised() {
            return request.ofViewer() ? "".equals(person.get("email")) : person.get("anonymised_at") != null;
        }

        boolean suspended() {
            return person.get("suspended_at") != null;
        }
    }

    /**
     * Whose personal data the privacy pages are about, found by what they hold: the personal token of a
     * registration, or a viewing ID. An ID issued to a registration stands for that registration (as it
     * does in the quiz); an ID asked for without registering stands for itself ({@code viewer}).
     *
     * @param key what stands in the pages' address, {@code /privacy/<key>}: the token or the ID
     */
    record DataSubject(String key, Registration registration, ViewingId viewer) {

        boolean ofViewer() {
            return viewer != null;
        }

        String name() {
            return viewer != null ? viewer.name() : registration.applicant().name();
        }

        /** The reading of the name; a viewing ID holds none. */
        String kana() {
            return viewer != null ? null : registration.applicant().kana();
        }

        String organization() {
            return viewer != null ? viewer.organization() : registration.applicant().organization();
        }

        String email() {
            return viewer != null ? viewer.email() : registration.applicant().email();
        }

        String language() {
            return viewer != null ? viewer.language() : registration.applicant().language();
        }

        String seminarId() {
            return viewer != null ? viewer.seminarId() : registration.seminarId();
        }

        /** The page the privacy page came from: the personal page, or the videos of the ID. */
        String home() {
            return key.equals(registration == null ? null : registration.token()) ? "/r/" + key : "/vod/" + key;
        }

        /** The fields a correction may change. */
        List<String> correctable() {
            return viewer != null ? PersonalDataRequests.VIEWER_CORRECTABLE : PersonalDataRequests.CORRECTABLE;
        }

        boolean made(Request request) {
            return viewer != null ? Long.valueOf(viewer.id()).equals(request.viewingId())
                    : Long.valueOf(registration.id()).equals(request.registrationId());
        }
    }

    private final Registrations registrations;
    private final ViewingIds viewingIds;
    private final PersonalDataRequests requests;
    private final AuditLog audit;
    private final Catalogue catalogue;
    private final MailSender mails;

    PrivacyDesk(Registrations registrations, ViewingIds viewingIds, PersonalDataRequests requests, AuditLog audit,
            Catalogue catalogue, MailSender mails) {
        this.registrations = registrations;
        this.viewingIds = viewingIds;
        this.requests = requests;
        this.audit = audit;
        this.catalogue = catalogue;
        this.mails = mails;
    }

    PersonalDataRequests requests() {
        return requests;
    }

    /**
     * Whose data a personal token or a viewing ID stands for; empty when it is nobody's (or was anonymised:
     * the token and the ID's code were replaced then).
     */
    Optional<DataSubject> subject(String key) throws StoreException {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        Optional<Registration> registration = registrations.find(key);
        if (registration.isPresent()) {
            return Optional.of(new DataSubject(key, registration.get(), null));
        }
        Optional<ViewingId> id = viewingIds.find(key);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (id.get().registrationId() == null) {
            return Optional.of(new DataSubject(id.get().code(), null, id.get()));
        }
        return registrations.byId(id.get().registrationId()).map(holder -> new DataSubject(id.get().code(), holder, null));
    }

    /** The requests made for this person, newest first. */
    List<Request> of(DataSubject subject) throws StoreException {
        return subject.ofViewer() ? requests.ofViewer(subject.viewer().id())
                : requests.ofRegistration(subject.registration().id());
    }

    /** The request {@code id} if it was made for this person; another's request is not there. */
    Optional<Request> of(DataSubject subject, long id) throws StoreException {
        return requests.find(id).filter(subject::made);
    }

    /**
     * Checks and stores what the participant asks, writes the audit row, emails the receipt.
     *
     * @param corrections for a correction, the fields with their new values (blank and unchanged ones are ignored)
     */
    Request ask(HttpServletRequest http, DataSubject subject, String kindKey, String reason,
            Map<String, String> corrections, URI site) throws InputProblem, StoreException {
        Kind kind = Kind.ofKey(kindKey).orElseThrow(() -> new InputProblem("kind", "error_choice"));
        String why = reason == null ? "" : Normalizer.normalize(reason.strip(), Normalizer.Form.NFC);
        if (why.length() > MAX_REASON) {
            throw new InputProblem("reason", "error_too_long");
        }
        if (why.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InputProblem("reason", "error_control");
        }
        Map<String, String> details = new LinkedHashMap<>();
        if (kind == Kind.CORRECTION) {
            if (why.isEmpty()) {
                throw new InputProblem("reason", "error_required");
            }
            Map<String, String> held = new HashMap<>();
            held.put("name", subject.name());
            held.put("kana", subject.kana());
            held.put("organization", subject.organization());
            held.put("email", subject.email());
            for (String field : subject.correctable()) {
                String value = corrections.get(field);
                if (value == null || value.isBlank()) {
                    continue;
                }
                String checked = RegistrationDesk.checked(field, value);
                // the form starts from what is held: only what differs is asked for
                if (!checked.equals(held.get(field))) {
                    details.put(field, checked);
                }
            }
            if (details.isEmpty()) {
                throw new InputProblem("correction", "error_required");
            }
        }
        Request request = subject.ofViewer() ? requests.askAsViewer(subject.viewer().id(), kind, details, why, site)
                : requests.ask(subject.registration().id(), kind, details, why, site);
        mails.wake();
        audit.record(PARTICIPANT, "ask " + kind.key(), subject(request), http.getRemoteAddr());
        return request;
    }

    /**
     * Everything held about the registration or the viewing ID, for the participant's download of a
     * granted disclosure; audited.
     */
    Map<String, Object> disclosure(HttpServletRequest http, DataSubject subject, Request request)
            throws StoreException {
        audit.record(PARTICIPANT, "download disclosure", subject(request), http.getRemoteAddr());
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("format", "manabi-disclosure");
        file.put("version", 1);
        file.put("request", request.id());
        if (subject.ofViewer()) {
            file.put("scope", "this viewing ID, asked for without registering, and every row of every table tied "
                    + "to it (what was watched, quiz and survey answers, certificate); other IDs and registrations, "
                    + "even with the same address, have their own pages");
            file.put("tables", requests.viewerDisclosure(subject.viewer().id()));
        } else {
            file.put("scope", "the registration of this personal link, and every row of every table tied to it; "
                    + "other registrations, even with the same address, have their own links");
            file.put("tables", requests.disclosure(subject.registration().id()));
        }
        return file;
    }

    /** The open or the settled requests (the latest 500), after writing the audit row. */
    List<Request> list(HttpServletRequest http, StaffMember staff, boolean open) throws StoreException {
        audit.record(staff.email(), "read data requests", open ? "open requests" : "settled requests",
                http.getRemoteAddr());
        return requests.list(open, 500);
    }

    /** One request with the data of who asked, after writing the audit row; empty when there is none. */
    Optional<Case> open(HttpServletRequest http, StaffMember staff, long id) throws StoreException {
        Optional<Request> request = requests.find(id);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        audit.record(staff.email(), "read data request", subject(request.get()), http.getRemoteAddr());
        return Optional.of(new Case(request.get(), person(request.get())));
    }

    /** The row of the registration or viewing ID a request was made for, as it is now. */
    private Map<String, Object> person(Request request) throws StoreException {
        List<Map<String, Object>> rows = request.ofViewer()
                ? requests.viewerDisclosure(request.viewingId()).get("viewing_id")
                : requests.disclosure(request.registrationId()).get("registration");
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    /**
     * Grants or refuses an open request, writes the audit row, and has the outcome mailed: the store owes
     * it in the same transaction, to the address the registration or viewing ID had before a deletion
     * removed it.
     *
     * @return the settled request, empty when there is none
     * @throws StoreException when it was settled already
     */
    Optional<Request> settle(HttpServletRequest http, StaffMember staff, long id, boolean grant, String answer, URI site)
            throws StoreException {
        Optional<Request> before = requests.find(id);
        if (before.isEmpty()) {
            return before;
        }
        String cut = answer == null || answer.isBlank() ? null
                : answer.strip().substring(0, Math.min(answer.strip().length(), MAX_REASON));
        audit.record(staff.email(), (grant ? "grant " : "refuse ") + before.get().kind().key(), subject(before.get()),
                http.getRemoteAddr());
        Optional<Request> settled = requests.settle(id, grant, staff.email(), cut, site);
        mails.wake();
        return settled;
    }

    static String subject(Request request) {
        return "request " + request.id() + " (" + request.kind().key() + ") of " + (request.ofViewer()
                ? "viewing ID " + request.viewingId() : "registration " + request.registrationId()) + " of "
                + request.seminarId();
    }

    /**
     * The receipt or the outcome of a request, to the address the person's registration or viewing ID holds
     * when it is sent, or, after a granted deletion removed it, to the one it had (kept with the mail owed).
     * A suspension of use does not withhold these: they answer the participant's own request.
     */
    public Letter letter(Notice notice) throws StoreException {
        Optional<Request> found = requests.find(notice.about());
        if (found.isEmpty()) {
            return Letter.noAddress();
        }
        Request request = found.get();
        Recipient to = notice.recipient();
        URI link = null; // a deletion leaves no link to come back to
        if (to == null) {
            Optional<DataSubject> subject = request.ofViewer()
                    ? viewingIds.byId(request.viewingId()).map(v -> new DataSubject(v.code(), null, v))
                    : registrations.byId(request.registrationId()).map(r -> new DataSubject(r.token(), r, null));
            if (subject.isEmpty() || subject.get().email().isEmpty()) {
                return Letter.noAddress();
            }
            to = new Recipient(subject.get().email(), subject.get().name(), subject.get().language());
            link = PrivacyPages.link(notice.site(), subject.get().key());
        }
        Texts texts = Texts.of(to.language());
        String title = catalogue.offer(request.seminarId())
                .map(offer -> texts.japanese() || offer.englishTitle() == null ? offer.title() : offer.englishTitle())
                .orElse(request.seminarId());
        String kind = notice.kind() == OwedMails.Kind.PRIVACY_RECEIVED ? "privacy_mail_received" : "privacy_mail_settled";
        // subject and body take: {0} name, {1} what was asked, {2} request number, {3} outcome, {4} staff's answer,
        // {5} link to the requests page, {6} seminar
        Object[] arguments = { to.name(), texts.get("privacy_kind_" + request.kind().key()), request.id(),
                texts.get("privacy_status_" + request.status().key()), request.answer() == null ? "" : request.answer(),
                link == null ? "" : link.toString(), title };
        return Letter.of(new Email(to.email(), texts.format(kind + "_subject", arguments),
                texts.format(kind + "_body", arguments)));
    }
}
