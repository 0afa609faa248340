package org.manabi.server.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.manabi.server.Catalogue;
import org.manabi.server.Catalogue.Offer;
import org.manabi.server.Catalogue.QuestionnaireItem;
import org.manabi.store.Pool;
import org.manabi.store.PoolCounts;
import org.manabi.store.Registration;
import org.manabi.store.PersonalDataRequests;
import org.manabi.store.Registrations;
import org.manabi.store.StaffMember;
import org.manabi.store.StoreException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the staff pages and the staff API share: which seminars a staff member may see, the
 * registrants of one (audited), the name search, check-in (audited), the CSV export.
 */
public final class StaffDesk {

    /**
     * A seminar staff can open: published, or no longer published but with registrations.
     *
     * @param counts seats taken and people waiting per pool (empty for the registrants' pages, which count themselves)
     */
    record Seminar(String id, Optional<Offer> offer, Map<Pool, PoolCounts> counts) {
    }

    /** Why a staff member gets no registrants: not in their scope, or no such seminar. */
    enum Refusal {
        FORBIDDEN, NOT_FOUND
    }

    /** The registrants of a seminar, or why there are none to see. */
    record Registrants(Seminar seminar, List<Registration> registrations, Refusal refusal) {
    }

    /** One registration read or checked in, or why not. */
    record Lookup(Registration registration, Refusal refusal) {
    }

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Confirmed first (in order of registering), then the waiting list in its order, then the cancelled. */
    private static final Comparator<Registration> LIST_ORDER = Comparator.comparing(Registration::status)
            .thenComparing(r -> r.position() == null ? 0 : r.position())
            .thenComparing(Registration::createdAt);

    private final Catalogue catalogue;
    private final Registrations registrations;
    /** Tells whose use of personal data is suspended: left out of lists and exports. */
    private final PersonalDataRequests requests;
    private final StaffGate gate;

    public StaffDesk(Catalogue catalogue, Registrations registrations, PersonalDataRequests requests, StaffGate gate) {
        this.catalogue = catalogue;
        this.requests = requests;
        this.registrations = registrations;
        this.gate = gate;
    }

    /** Every seminar the member may see: published ones first (by date), then others with registrations. */
    List<Seminar> seminars(StaffMember member) throws StoreException {
        Map<String, Map<Pool, PoolCounts>> counts = registrations.counts();
        Set<String> ids = new LinkedHashSet<>();
        catalogue.offers().forEach(offer -> ids.add(offer.id()));
        ids.addAll(new TreeSet<>(counts.keySet()));
        List<Seminar> seminars = new ArrayList<>();
        for (String id : ids) {
            if (member.mayRead(id)) {
                seminars.add(new Seminar(id, catalogue.offer(id), counts.getOrDefault(id, Map.of())));
            }
        }
        return seminars;
    }

    /**
     * The registrants of {@code seminarId} in list order, after writing the audit row of {@code action}
     * ({@code read registrants}, {@code export csv} …); an instructor out of scope is refused before
     * anything is read, whether the seminar exists or not.
     */
    Registrants registrants(HttpServletRequest request, StaffMember member, String seminarId, String action)
            throws StoreException {
        Seminar seminar = new Seminar(seminarId, catalogue.offer(seminarId), Map.of());
        if (!member.mayRead(seminarId)) {
            return new Registrants(seminar, List.of(), Refusal.FORBIDDEN);
        }
        List<Registration> all = new ArrayList<>(registrations.ofSeminar(seminarId));
        if (all.isEmpty() && seminar.offer().isEmpty()) {
            return new Registrants(seminar, List.of(), Refusal.NOT_FOUND);
        }
        gate.audit(request, member, action, seminarId);
        // a participant who asked to suspend the use of their data is left out of every list and export
        Set<Long> suspended = requests.suspendedIn(seminarId);
        all.removeIf(registration -> suspended.contains(registration.id()));
        all.sort(LIST_ORDER);
        return new Registrants(seminar, all, null);
    }

    /** The registration of a personal link, for staff in its scope, after writing the audit row. */
    Lookup registration(HttpServletRequest request, StaffMember member, String token) throws StoreException {
        Lookup found = inScope(member, token);
        if (found.refusal() == null) {
            gate.audit(request, member, "read registration", subject(found.registration()));
        }
        return found;
    }

    /**
     * Checks in the registration of {@code token} for a member in its scope; checking in twice keeps
     * the first time.
     *
     * @throws StoreException without a cause when the registration holds no seat
     */
    Lookup checkIn(HttpServletRequest request, StaffMember member, String token) throws StoreException {
        Lookup found = inScope(member, token);
        if (found.refusal() != null) {
            return found;
        }
        Registration checkedIn = registrations.checkIn(token, member.email()).orElseThrow();
        // after the change, so that a refused check-in (no seat) is not logged as made
        gate.audit(request, member, "check-in", subject(checkedIn));
        return new Lookup(checkedIn, null);
    }

    /** Checks in the registration {@code registrationId} of the seminar: a row of the registrants' page. */
    Lookup checkIn(HttpServletRequest request, StaffMember member, String seminarId, String registrationId)
            throws StoreException {
        if (!member.mayRead(seminarId)) {
            return new Lookup(null, Refusal.FORBIDDEN);
        }
        Optional<Registration> row = registrations.ofSeminar(seminarId).stream()
                .filter(r -> String.valueOf(r.id()).equals(registrationId)).findFirst();
        return row.isEmpty() ? new Lookup(null, Refusal.NOT_FOUND) : checkIn(request, member, row.get().token());
    }

    private Lookup inScope(StaffMember member, String token) throws StoreException {
        Optional<Registration> found = registrations.find(token);
        if (found.isEmpty()) {
            return new Lookup(null, Refusal.NOT_FOUND);
        }
        return member.mayRead(found.get().seminarId()) ? new Lookup(found.get(), null)
                : new Lookup(null, Refusal.FORBIDDEN);
    }

    /** The seminar's title in the language of {@code texts}; its id when it is no longer published. */
    static String title(Seminar seminar, Texts texts) {
        return seminar.offer().map(offer -> ParticipantPages.title(offer, texts)).orElse(seminar.id());
    }

    /**
     * Whether the name or its reading contains {@code query}, compared after NFKC (full-width and
     * half-width alike), without case or spaces, and with katakana read as hiragana: {@code ｱｵｷ},
     * {@code アオキ} and {@code あおき} find the same person.
     */
    static boolean matches(Registration registration, String query) {
        String wanted = fold(query);
        return wanted.isEmpty() || fold(registration.applicant().name()).contains(wanted)
                || fold(registration.applicant().kana()).contains(wanted);
    }

    static String fold(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(normal.length());
        normal.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || c == '・') {
                return;
            }
            // katakana ァ..ヶ are hiragana ぁ..ゖ shifted by 0x60
            folded.appendCodePoint(c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c);
        });
        return folded.toString();
    }

    /**
     * The registrants as CSV for Excel: UTF-8 with a byte-order mark (without it, Japanese Excel reads
     * the file as Shift_JIS), CRLF, a column per question of the questionnaire. Cells that Excel would
     * take for a formula ({@code =}, {@code +}, {@code -}, {@code @}) are prefixed with an apostrophe.
     */
    static void csv(Registrants registrants, Texts texts, OutputStream out) throws IOException {
        Map<String, String> questions = new LinkedHashMap<>();
        registrants.seminar().offer().ifPresent(offer -> {
            for (QuestionnaireItem item : offer.questionnaire()) {
                questions.put(item.id(), item.text());
            }
        });
        for (Registration r : registrants.registrations()) {
            r.applicant().answers().keySet().forEach(id -> questions.putIfAbsent(id, id));
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
        List<String> header = new ArrayList<>();
        for (String column : List.of("id", "pool", "status", "position", "name", "kana", "email", "organization",
                "member", "member_body", "fee", "registered", "checked_in", "checked_in_by")) {
            header.add(texts.get("csv_" + column));
        }
        header.addAll(questions.values());
        csv.printRecord(header);
        for (Registration r : registrants.registrations()) {
            List<Object> row = new ArrayList<>();
            row.add(r.id());
            row.add(texts.get("pool_" + r.pool().key()));
            row.add(texts.get("status_" + r.status().key()));
            row.add(r.position() == null ? "" : r.position());
            row.add(cell(r.applicant().name()));
            row.add(cell(r.applicant().kana()));
            row.add(cell(r.applicant().email()));
            row.add(cell(r.applicant().organization()));
            row.add(texts.get(r.applicant().member() ? "csv_yes" : "csv_no"));
            row.add(r.applicant().memberBody() == null ? "" : cell(r.applicant().memberBody()));
            row.add(r.applicant().feeYen());
            row.add(STAMP.format(r.createdAt().atZone(Catalogue.ZONE)));
            row.add(r.checkedIn() == null ? "" : STAMP.format(r.checkedIn().atZone(Catalogue.ZONE)));
            row.add(r.checkedInBy() == null ? "" : r.checkedInBy());
            for (String id : questions.keySet()) {
                row.add(cell(r.applicant().answers().getOrDefault(id, "")));
            }
            csv.printRecord(row);
        }
        csv.flush();
    }

    /** A CSV cell that a spreadsheet will not run as a formula. */
    static String cell(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** How the audit log names a registration: {@code registration 42 of dicom-2026}. */
    static String subject(Registration registration) {
        return "registration " + registration.id() + " of " + registration.seminarId();
    }
}
