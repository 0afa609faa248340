package org.manabi.server.internal;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.manabi.server.Catalogue;
import org.manabi.server.Catalogue.Offer;
import org.manabi.server.Catalogue.QuestionnaireItem;
import org.manabi.server.Catalogue.Seats;
import org.manabi.server.Catalogue.SessionTime;
import org.manabi.server.ServerSettings;
import org.manabi.server.internal.RegistrationDesk.Form;
import org.manabi.server.internal.RegistrationDesk.InputProblem;
import org.manabi.server.internal.RegistrationDesk.RegistrationClosed;
import org.manabi.store.Applicant;
import org.manabi.store.Change;
import org.manabi.store.DuplicateRegistrationException;
import org.manabi.store.Pool;
import org.manabi.store.PoolCounts;
import org.manabi.store.Registration;
import org.manabi.store.RegistrationStatus;
import org.manabi.store.Registrations;
import org.manabi.store.StaffMember;
import org.manabi.store.StoreException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The participants' HTML pages, which work without JavaScript: the catalogue, a seminar with its
 * registration form, the confirmation with the fee, and the personal page of a registration (view,
 * change pool, cancel). Every form posts with a CSRF token; a successful post redirects (303), so a
 * reload never registers twice.
 */
public final class ParticipantPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String[] FORM_FIELDS = { "name", "kana", "email", "organization", "member", "memberBody", "pool" };

    private final transient Catalogue catalogue;
    private final transient Registrations registrations;
    private final transient RegistrationDesk desk;
    private final transient RateLimiter registrationLimit;
    private final transient ServerSettings settings;
    private final transient java.time.Clock clock;
    private final transient StaffGate staff;
    private final transient Pages pages = new Pages();

    public ParticipantPages(Catalogue catalogue, Registrations registrations, RegistrationDesk desk,
            RateLimiter registrationLimit, ServerSettings settings, java.time.Clock clock, StaffGate staff) {
        this.catalogue = catalogue;
        this.registrations = registrations;
        this.desk = desk;
        this.registrationLimit = registrationLimit;
        this.settings = settings;
        this.clock = clock;
        this.staff = staff;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        String[] path = path(request);
        try {
            if (path.length == 0) {
                catalogue(request, response, texts);
            } else if (path.length == 2 && path[0].equals("seminars") && catalogue.offer(path[1]).isPresent()) {
                seminar(request, response, texts, catalogue.offer(path[1]).get(), formOf(request, texts), null, 200);
            } else if (path.length == 2 && path[0].equals("r")) {
                personal(request, response, texts, path[1]);
            } else if (path.length == 3 && path[0].equals("r") && path[2].equals("qr.png")) {
                qrCode(request, response, texts, path[1]);
            } else {
                notFound(request, response, texts);
            }
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, e, "/");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        String[] path = path(request);
        if (!pages.formAccepted(request, response, texts, "/")) {
            return;
        }
        try {
            if (path.length == 3 && path[0].equals("seminars") && catalogue.offer(path[1]).isPresent()) {
                Offer offer = catalogue.offer(path[1]).get();
                switch (path[2]) {
                    case "confirm" -> confirm(request, response, texts, offer);
                    case "edit" -> seminar(request, response, texts, offer, formOf(request, texts), null, 200);
                    case "register" -> register(request, response, texts, offer);
                    default -> notFound(request, response, texts);
                }
            } else if (path.length == 3 && path[0].equals("r") && path[2].equals("cancel")) {
                Optional<Change> change = desk.cancel(path[1], Http.site(request, settings));
                redirectOrNotFound(request, response, texts, change, path[1], "cancelled");
            } else if (path.length == 3 && path[0].equals("r") && path[2].equals("pool")) {
                move(request, response, texts, path[1]);
            } else {
                notFound(request, response, texts);
            }
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, e, "/");
        }
    }

    // ---- pages ----

    private void catalogue(HttpServletRequest request, HttpServletResponse response, Texts texts)
            throws IOException, StoreException {
        Map<String, Map<Pool, PoolCounts>> counts = registrations.counts();
        Map<Integer, List<Map<String, Object>>> byYear = new LinkedHashMap<>();
        LocalDateTime now = now();
        for (Offer offer : catalogue.offers()) {
            Map<String, Object> item = new HashMap<>();
            item.put("id", offer.id());
            item.put("title", title(offer, texts));
            item.put("when", offer.sessions().isEmpty() ? texts.get("no_sessions") : session(offer.sessions().get(0), texts));
            item.put("delivery", texts.get("delivery_" + offer.delivery()));
            item.put("fee", fees(offer, texts));
            item.put("pools", pools(offer, counts.getOrDefault(offer.id(), Map.of()), texts));
            item.put("open", offer.registrationOpenAt(now));
            byYear.computeIfAbsent(offer.fiscalYear(), y -> new ArrayList<>()).add(item);
        }
        List<Map<String, Object>> years = new ArrayList<>();
        byYear.forEach((year, offers) -> years.add(Map.of("heading", texts.format("fiscal_year", year), "offers", offers)));
        pages.render(request, response, 200, "catalogue", texts, texts.get("catalogue_title"), Map.of("years", years));
    }

    private void seminar(HttpServletRequest request, HttpServletResponse response, Texts texts, Offer offer,
            Map<String, Object> form, String problem, int status) throws IOException, StoreException {
        Map<Pool, PoolCounts> counts = registrations.countsOf(offer.id());
        LocalDateTime now = now();
        Map<String, Object> model = new HashMap<>();
        model.put("id", offer.id());
        model.put("title", title(offer, texts));
        model.put("theme", offer.theme());
        model.put("sessions", offer.sessions().stream().map(s -> session(s, texts)).toList());
        model.put("delivery", texts.get("delivery_" + offer.delivery()));
        model.put("venue", offer.venue());
        model.put("conferenceSystem", offer.conferenceSystem());
        model.put("host", texts.japanese() || offer.hostEnglish() == null ? offer.host() : offer.hostEnglish());
        model.put("fee", fees(offer, texts));
        model.put("pools", pools(offer, counts, texts));
        if (offer.vodOpens() != null && offer.vodCloses() != null) {
            model.put("vod", texts.format("registration_window", dateTime(offer.vodOpens(), texts),
                    dateTime(offer.vodCloses(), texts)));
        }
        model.put("registrationWindow", texts.format("registration_window", dateTime(offer.registrationOpens(), texts),
                dateTime(offer.registrationCloses(), texts)));
        List<Map<String, Object>> programme = offer.programme().stream().map(line -> Map.<String, Object>of(
                "time", line.start() == null ? "" : time(line.start(), texts) + "–" + time(line.end(), texts),
                "title", line.title() == null ? "" : line.title(), "speakers", line.speakers())).toList();
        model.put("programme", programme);
        model.put("hasProgramme", !programme.isEmpty());
        boolean open = offer.registrationOpenAt(now);
        model.put("open", open);
        if (!open) {
            model.put("closedText", offer.registrationOpens() != null && now.isBefore(offer.registrationOpens())
                    ? texts.format("registration_not_yet", dateTime(offer.registrationOpens(), texts))
                    : texts.get("registration_over"));
        }
        model.put("problem", problem);
        model.put("csrf", Csrf.token(request, response));
        model.put("form", form);
        model.put("memberFee", texts.format("member_fee", fee(offer.fee(true), texts)));
        model.put("nonMemberFee", texts.format("nonmember_fee", fee(offer.fee(false), texts)));
        model.put("hasBodies", !offer.memberBodies().isEmpty());
        model.put("bodies", offer.memberBodies().stream()
                .map(body -> Map.of("name", body, "selected", body.equals(form.get("memberBody")))).toList());
        List<Map<String, Object>> poolChoices = new ArrayList<>();
        for (Map.Entry<Pool, Seats> pool : offer.pools().entrySet()) {
            poolChoices.add(Map.of("key", pool.getKey().key(), "label", texts.get("pool_" + pool.getKey().key()),
                    "seats", seats(pool.getValue(), counts.getOrDefault(pool.getKey(), PoolCounts.NONE), texts),
                    "selected", pool.getKey().key().equals(form.get("pool")) || offer.pools().size() == 1));
        }
        model.put("poolChoices", poolChoices);
        model.put("hasQuestionnaire", !offer.questionnaire().isEmpty());
        model.put("questionnaire", questionnaire(offer, request));
        pages.render(request, response, status, "seminar", texts, title(offer, texts), model);
    }

    private void confirm(HttpServletRequest request, HttpServletResponse response, Texts texts, Offer offer)
            throws IOException, StoreException {
        Form form = form(request, texts);
        Applicant applicant;
        try {
            applicant = desk.check(offer, form);
        } catch (InputProblem e) {
            seminar(request, response, texts, offer, formOf(request, texts), e.message(texts), 400);
            return;
        }
        Pool pool = Pool.ofKey(form.pool());
        List<Map<String, String>> hidden = new ArrayList<>();
        for (String field : FORM_FIELDS) {
            String value = request.getParameter(field);
            if (value != null) {
                hidden.add(Map.of("name", field, "value", value));
            }
        }
        for (QuestionnaireItem item : offer.questionnaire()) {
            String value = request.getParameter("answer." + item.id());
            if (value != null) {
                hidden.add(Map.of("name", "answer." + item.id(), "value", value));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("id", offer.id());
        model.put("title", title(offer, texts));
        model.put("name", applicant.name());
        model.put("kana", applicant.kana());
        model.put("email", applicant.email());
        model.put("organization", applicant.organization());
        model.put("memberText", applicant.member()
                ? texts.format("member_fee", fee(applicant.feeYen(), texts))
                        + (applicant.memberBody() == null ? "" : " (" + applicant.memberBody() + ")")
                : texts.format("nonmember_fee", fee(applicant.feeYen(), texts)));
        model.put("poolLabel", texts.get("pool_" + pool.key()));
        model.put("feeText", fee(applicant.feeYen(), texts));
        model.put("hidden", hidden);
        model.put("csrf", Csrf.token(request, response));
        pages.render(request, response, 200, "confirm", texts, texts.get("confirm_title"), model);
    }

    private void register(HttpServletRequest request, HttpServletResponse response, Texts texts, Offer offer)
            throws IOException, StoreException {
        if (!registrationLimit.tryAcquire(request.getRemoteAddr())) {
            response.setHeader("Retry-After", "60");
            pages.message(request, response, 429, texts, texts.get("rate_heading"), texts.get("rate_text"),
                    "/seminars/" + offer.id());
            return;
        }
        try {
            Change change = desk.register(offer, form(request, texts), Http.site(request, settings));
            response.setStatus(303);
            response.setHeader("Location", "/r/" + change.registration().token() + "?done=registered");
        } catch (InputProblem e) {
            seminar(request, response, texts, offer, formOf(request, texts), e.message(texts), 400);
        } catch (RegistrationClosed e) {
            pages.message(request, response, 403, texts, texts.get("closed_heading"), texts.get("registration_over"),
                    "/seminars/" + offer.id());
        } catch (DuplicateRegistrationException e) {
            pages.message(request, response, 409, texts, texts.get("duplicate_heading"), texts.get("duplicate_text"),
                    "/seminars/" + offer.id());
        }
    }

    private void move(HttpServletRequest request, HttpServletResponse response, Texts texts, String token)
            throws IOException, StoreException {
        Optional<Registration> current = registrations.find(token);
        Optional<Offer> offer = current.flatMap(r -> catalogue.offer(r.seminarId()));
        if (offer.isEmpty()) {
            notFound(request, response, texts);
            return;
        }
        try {
            Pool pool = desk.pool(offer.get(), request.getParameter("pool"));
            redirectOrNotFound(request, response, texts, desk.move(token, pool, Http.site(request, settings)), token, "moved");
        } catch (InputProblem e) {
            pages.message(request, response, 400, texts, texts.get("field_pool"), e.message(texts), "/r/" + token);
        } catch (StoreException e) {
            if (e.getCause() != null) {
                throw e;
            }
            pages.message(request, response, 409, texts, texts.get("status_cancelled"), e.getMessage(), "/r/" + token);
        }
    }

    private void personal(HttpServletRequest request, HttpServletResponse response, Texts texts, String token)
            throws IOException, StoreException {
        Optional<Registration> found = registrations.find(token);
        if (found.isEmpty()) {
            notFound(request, response, texts);
            return;
        }
        Registration r = found.get();
        Optional<Offer> offer = catalogue.offer(r.seminarId());
        Map<String, Object> model = new HashMap<>();
        model.put("token", r.token());
        model.put("seminarId", r.seminarId());
        model.put("title", offer.map(o -> title(o, texts)).orElse(r.seminarId()));
        model.put("statusKey", r.status().key());
        model.put("status", r.status() == RegistrationStatus.WAITING
                ? texts.format("status_waiting_position", r.position())
                : texts.get("status_" + r.status().key()));
        model.put("name", r.applicant().name());
        model.put("poolLabel", texts.get("pool_" + r.pool().key()));
        model.put("feeText", fee(r.applicant().feeYen(), texts));
        offer.filter(o -> !o.sessions().isEmpty()).ifPresent(o -> model.put("when", session(o.sessions().get(0), texts)));
        boolean active = r.status() != RegistrationStatus.CANCELLED;
        model.put("active", active);
        offer.ifPresent(o -> o.pools().keySet().stream().filter(p -> p != r.pool()).findFirst()
                .ifPresent(other -> model.put("otherPool", Map.of("key", other.key(),
                        "label", texts.format("move_to", texts.get("pool_" + other.key()))))));
        String done = request.getParameter("done");
        if (done != null && List.of("registered", "cancelled", "moved", "checkedin").contains(done)) {
            model.put("notice", texts.get("notice_" + done));
        }
        // the code to show at the door, for a seat only
        model.put("qr", r.status() == RegistrationStatus.CONFIRMED);
        // the quiz and survey pages (QuizPages) take confirmed registrations only
        model.put("quiz", r.status() == RegistrationStatus.CONFIRMED && catalogue.quiz(r.seminarId()).isPresent());
        model.put("survey", r.status() == RegistrationStatus.CONFIRMED && catalogue.survey(r.seminarId()).isPresent());
        // a seminar with a recording: the button that issues the viewing ID (VodPages)
        model.put("vod", r.status() == RegistrationStatus.CONFIRMED && offer.map(o -> o.vodOpens() != null).orElse(false));
        Optional<StaffMember> member = staff.member(request);
        if (member.isPresent() && member.get().mayRead(r.seminarId())) {
            // staff in the seminar's scope who scanned the code: who this is, and the check-in button
            staff.audit(request, member.get(), "read registration", StaffDesk.subject(r));
            Map<String, Object> panel = new HashMap<>();
            panel.put("kana", r.applicant().kana());
            panel.put("organization", r.applicant().organization());
            panel.put("email", r.applicant().email());
            panel.put("canCheckIn", r.status() == RegistrationStatus.CONFIRMED && r.checkedIn() == null);
            panel.put("noSeat", r.status() != RegistrationStatus.CONFIRMED);
            if (r.checkedIn() != null) {
                panel.put("checkedIn", texts.format("staff_checked_in_at",
                        StaffDesk.STAMP.format(r.checkedIn().atZone(Catalogue.ZONE)), r.checkedInBy()));
            }
            panel.put("answers", StaffPages.answers(r, offer));
            model.put("staffPanel", panel);
        }
        model.put("csrf", Csrf.token(request, response));
        // the link is the key to the registration: keep it out of referrers and caches
        response.setHeader("Referrer-Policy", "no-referrer");
        pages.render(request, response, 200, "registration", texts, texts.get("registration_title"), model);
    }

    /** The QR code of the personal link, to be shown at the door and scanned by staff. */
    private void qrCode(HttpServletRequest request, HttpServletResponse response, Texts texts, String token)
            throws IOException, StoreException {
        if (registrations.find(token).isEmpty()) {
            notFound(request, response, texts);
            return;
        }
        byte[] png = QrCodes.png(Http.site(request, settings).resolve("/r/" + token).toString());
        response.setStatus(200);
        response.setContentType("image/png");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentLength(png.length);
        response.getOutputStream().write(png);
    }

    // ---- helpers ----

    private void redirectOrNotFound(HttpServletRequest request, HttpServletResponse response, Texts texts,
            Optional<Change> change, String token, String done) throws IOException {
        if (change.isEmpty()) {
            notFound(request, response, texts);
            return;
        }
        response.setStatus(303);
        response.setHeader("Location", "/r/" + token + "?done=" + done);
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, Texts texts) throws IOException {
        pages.message(request, response, 404, texts, texts.get("not_found_heading"), texts.get("not_found_text"), "/");
    }


    private static String[] path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String trimmed = uri.length() > 1 && uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        return trimmed.equals("/") || trimmed.isEmpty() ? new String[0] : trimmed.substring(1).split("/", -1);
    }

    private Form form(HttpServletRequest request, Texts texts) {
        String member = request.getParameter("member");
        Map<String, String> answers = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("answer.") && values.length > 0) {
                answers.put(name.substring("answer.".length()), values[0]);
            }
        });
        return new Form(request.getParameter("name"), request.getParameter("kana"), request.getParameter("email"),
                request.getParameter("organization"), "true".equals(member) ? Boolean.TRUE
                        : "false".equals(member) ? Boolean.FALSE : null,
                request.getParameter("memberBody"), request.getParameter("pool"), answers, texts.language());
    }

    /** What the participant typed so far, to fill the form again. */
    private static Map<String, Object> formOf(HttpServletRequest request, Texts texts) {
        Map<String, Object> form = new HashMap<>();
        for (String field : FORM_FIELDS) {
            String value = request.getParameter(field);
            form.put(field, value == null ? "" : value);
        }
        form.put("memberYes", "true".equals(request.getParameter("member")));
        form.put("memberNo", "false".equals(request.getParameter("member")));
        return form;
    }

    private static List<Map<String, Object>> questionnaire(Offer offer, HttpServletRequest request) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (QuestionnaireItem item : offer.questionnaire()) {
            String answer = request.getParameter("answer." + item.id());
            Map<String, Object> model = new HashMap<>();
            model.put("id", item.id());
            model.put("text", item.text());
            model.put("answer", answer == null ? "" : answer);
            if (item.scale() > 0) {
                List<Map<String, Object>> points = new ArrayList<>();
                for (int value = 1; value <= item.scale(); value++) {
                    points.add(Map.of("value", value, "selected", String.valueOf(value).equals(answer)));
                }
                model.put("likert", Map.of("lowLabel", String.valueOf(item.lowLabel()), "highLabel",
                        String.valueOf(item.highLabel()), "points", points));
            }
            items.add(model);
        }
        return items;
    }

    private static List<Map<String, Object>> pools(Offer offer, Map<Pool, PoolCounts> counts, Texts texts) {
        List<Map<String, Object>> pools = new ArrayList<>();
        offer.pools().forEach((pool, seats) -> pools.add(Map.of("label", texts.get("pool_" + pool.key()),
                "seats", seats(seats, counts.getOrDefault(pool, PoolCounts.NONE), texts))));
        return pools;
    }

    private static String seats(Seats seats, PoolCounts count, Texts texts) {
        if (seats.capacity() == null) {
            return texts.get("seats_undecided");
        }
        int left = seats.capacity() - count.confirmed();
        return left > 0 && count.waiting() == 0 ? texts.format("seats_left", left, seats.capacity())
                : texts.format("seats_full", count.waiting());
    }

    static String title(Offer offer, Texts texts) {
        return texts.japanese() || offer.englishTitle() == null ? offer.title() : offer.englishTitle();
    }

    static String fees(Offer offer, Texts texts) {
        if (offer.free()) {
            return texts.get("fee_free");
        }
        return texts.format("member_fee", fee(offer.fee(true), texts)) + " / "
                + texts.format("nonmember_fee", fee(offer.fee(false), texts));
    }

    static String fee(int yen, Texts texts) {
        return yen == 0 ? texts.get("fee_free") : texts.format("fee_yen", yen);
    }

    static String session(SessionTime session, Texts texts) {
        return date(texts).apply(session) + " " + time(session.start(), texts) + "–" + time(session.end(), texts);
    }

    private static Function<SessionTime, String> date(Texts texts) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(texts.get("date_pattern"), Locale.forLanguageTag(texts.language()));
        return session -> format.format(session.date());
    }

    static String time(java.time.LocalTime time, Texts texts) {
        return time == null ? "" : DateTimeFormatter.ofPattern(texts.get("time_pattern")).format(time);
    }

    static String dateTime(LocalDateTime time, Texts texts) {
        if (time == null) {
            return "—";
        }
        return DateTimeFormatter.ofPattern(texts.get("date_pattern"), Locale.forLanguageTag(texts.language())).format(time)
                + " " + time(time.toLocalTime(), texts);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(Catalogue.ZONE));
    }
}
