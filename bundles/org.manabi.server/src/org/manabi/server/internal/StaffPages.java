package org.manabi.server.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.manabi.server.Catalogue;
import org.manabi.server.Catalogue.Offer;
import org.manabi.server.Catalogue.Seats;
import org.manabi.server.internal.StaffDesk.Lookup;
import org.manabi.server.internal.StaffDesk.Refusal;
import org.manabi.server.internal.StaffDesk.Registrants;
import org.manabi.server.internal.StaffDesk.Seminar;
import org.manabi.store.AuditEntry;
import org.manabi.store.Pool;
import org.manabi.store.PoolCounts;
import org.manabi.store.Registration;
import org.manabi.store.RegistrationStatus;
import org.manabi.store.StaffAccounts;
import org.manabi.store.StaffMember;
import org.manabi.store.StaffRole;
import org.manabi.store.StoreException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The staff pages under {@code /staff}, without JavaScript: log-in and log-out, the seminars in the
 * member's scope, the registrants of a seminar per pool (name search, check-in per row), the
 * attendance list, the CSV export, and for admins the staff accounts and the audit log.
 * <p>
 * A page asked for without a session redirects to the log-in page; a form posted without one is
 * refused with 401; a seminar outside an instructor's scope is 403. Every form carries the CSRF
 * token, and every page that shows participants' data writes its audit row first.
 */
public final class StaffPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Where a log-in may return to: a staff page or a personal page, never another site. */
    private static final Pattern NEXT = Pattern.compile("/staff(/[A-Za-z0-9_.-]+)*|/r/[A-Za-z0-9_-]+");
    private static final int AUDIT_ROWS = 200;

    private final transient StaffGate gate;
    private final transient StaffDesk desk;
    private final transient RateLimiter loginLimit;
    private final transient Pages pages = new Pages();

    public StaffPages(StaffGate gate, StaffDesk desk, RateLimiter loginLimit) {
        this.gate = gate;
        this.desk = desk;
        this.loginLimit = loginLimit;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        String[] path = Http.path(request);
        try {
            if (path.length == 1 && path[0].equals("login")) {
                login(request, response, texts, 200, null, "");
                return;
            }
            Optional<StaffMember> member = gate.member(request);
            if (member.isEmpty()) {
                String next = request.getRequestURI();
                response.setStatus(303);
                response.setHeader("Location", "/staff/login" + (NEXT.matcher(next).matches()
                        ? "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : ""));
                return;
            }
            StaffMember staff = member.get();
            if (path.length == 0) {
                home(request, response, texts, staff);
            } else if (path.length == 2 && path[0].equals("seminars")) {
                seminar(request, response, texts, staff, path[1]);
            } else if (path.length == 3 && path[0].equals("seminars") && path[2].equals("attendance")) {
                attendance(request, response, texts, staff, path[1]);
            } else if (path.length == 3 && path[0].equals("seminars") && path[2].equals("registrants.csv")) {
                csv(request, response, texts, staff, path[1]);
            } else if (path.length == 1 && path[0].equals("accounts") && staff.admin()) {
                accounts(request, response, texts, staff, 200, null);
            } else if (path.length == 1 && path[0].equals("audit") && staff.admin()) {
                audit(request, response, texts, staff);
            } else if (path.length == 1 && List.of("accounts", "audit").contains(path[0])) {
                forbidden(request, response, texts);
            } else {
                notFound(request, response, texts);
            }
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, e, "/staff");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        String[] path = Http.path(request);
        if (request.getContentLengthLong() > Http.MAX_BODY) {
            pages.message(request, response, 413, texts, texts.get("too_large_heading"), texts.get("too_large_text"),
                    "/staff");
            return;
        }
        try {
            if (path.length == 1 && path[0].equals("login")) {
                if (csrfValid(request, response, texts)) {
                    logIn(request, response, texts);
                }
                return;
            }
            if (path.length == 1 && path[0].equals("logout")) {
                if (csrfValid(request, response, texts)) {
                    gate.logOut(request, response);
                    response.setStatus(303);
                    response.setHeader("Location", "/staff/login?done=loggedout");
                }
                return;
            }
            Optional<StaffMember> member = gate.member(request);
            if (member.isEmpty()) {
                pages.message(request, response, 401, texts, texts.get("staff_login_title"),
                        texts.get("staff_session_needed"), "/staff/login");
                return;
            }
            if (!csrfValid(request, response, texts)) {
                return;
            }
            StaffMember staff = member.get();
            if (path.length == 5 && path[0].equals("seminars") && path[2].equals("registrants")
                    && path[4].equals("check-in")) {
                checkInRow(request, response, texts, staff, path[1], path[3]);
            } else if (path.length == 3 && path[0].equals("registrations") && path[2].equals("check-in")) {
                checkInByLink(request, response, texts, staff, path[1]);
            } else if (path.length == 1 && path[0].equals("accounts")) {
                if (staff.admin()) {
                    saveAccount(request, response, texts, staff);
                } else {
                    forbidden(request, response, texts);
                }
            } else {
                notFound(request, response, texts);
            }
        } catch (StoreException e) {
            if (e.getCause() == null) {
                // a rule of the store: e.g. checking in someone who holds no seat
                pages.message(request, response, 409, texts, texts.get("staff_check_in"), e.getMessage(), "/staff");
            } else {
                pages.unavailable(request, response, texts, e, "/staff");
            }
        }
    }

    // ---- log-in ----

    private void login(HttpServletRequest request, HttpServletResponse response, Texts texts, int status,
            String problem, String email) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", Csrf.token(request, response));
        model.put("problem", problem);
        model.put("email", email);
        String next = request.getParameter("next");
        model.put("next", next != null && NEXT.matcher(next).matches() ? next : "/staff");
        if ("loggedout".equals(request.getParameter("done"))) {
            model.put("notice", texts.get("staff_logged_out"));
        }
        pages.render(request, response, status, "staff_login", texts, texts.get("staff_login_title"), model);
    }

    private void logIn(HttpServletRequest request, HttpServletResponse response, Texts texts)
            throws IOException, StoreException {
        String email = request.getParameter("email");
        if (!loginLimit.tryAcquire(request.getRemoteAddr())) {
            response.setHeader("Retry-After", "60");
            login(request, response, texts, 429, texts.get("staff_login_rate"), email == null ? "" : email);
            return;
        }
        Optional<StaffMember> member = gate.logIn(request, response, email, request.getParameter("password"));
        if (member.isEmpty()) {
            // the same words whether the address is unknown or the password wrong
            login(request, response, texts, 401, texts.get("staff_login_failed"), email == null ? "" : email);
            return;
        }
        String next = request.getParameter("next");
        response.setStatus(303);
        response.setHeader("Location", next != null && NEXT.matcher(next).matches() ? next : "/staff");
    }

    // ---- pages ----

    private void home(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember staff)
            throws IOException, StoreException {
        List<Map<String, Object>> seminars = new ArrayList<>();
        for (Seminar seminar : desk.seminars(staff)) {
            Map<String, Object> item = new HashMap<>();
            item.put("id", seminar.id());
            item.put("title", StaffDesk.title(seminar, texts));
            List<String> facts = new ArrayList<>();
            seminar.offer().ifPresent(offer -> facts.add(texts.format("fiscal_year", offer.fiscalYear())));
            String when = when(seminar, texts);
            if (!when.isEmpty()) {
                facts.add(when);
            }
            int confirmed = seminar.counts().values().stream().mapToInt(PoolCounts::confirmed).sum();
            int waiting = seminar.counts().values().stream().mapToInt(PoolCounts::waiting).sum();
            facts.add(texts.format("staff_home_counts", confirmed, waiting));
            item.put("facts", String.join(" · ", facts));
            seminars.add(item);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("seminars", seminars);
        render(request, response, texts, staff, "staff_home", texts.get("staff_home_title"), model);
    }

    private void seminar(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember staff,
            String seminarId) throws IOException, StoreException {
        String query = Optional.ofNullable(request.getParameter("q")).map(String::strip).orElse("");
        Registrants registrants = desk.registrants(request, staff, seminarId,
                query.isEmpty() ? "read registrants" : "search registrants");
        if (refused(request, response, texts, registrants.refusal())) {
            return;
        }
        String csrf = Csrf.token(request, response);
        Map<Pool, List<Map<String, Object>>> rows = new EnumMap<>(Pool.class);
        Map<Pool, int[]> figures = new EnumMap<>(Pool.class); // confirmed, waiting, checked in
        int found = 0;
        for (Registration r : registrants.registrations()) {
            int[] counts = figures.computeIfAbsent(r.pool(), p -> new int[3]);
            counts[0] += r.status() == RegistrationStatus.CONFIRMED ? 1 : 0;
            counts[1] += r.status() == RegistrationStatus.WAITING ? 1 : 0;
            counts[2] += r.checkedIn() != null ? 1 : 0;
            if (!StaffDesk.matches(r, query)) {
                continue;
            }
            found++;
            Map<String, Object> row = person(r, texts);
            row.put("statusKey", r.status().key());
            row.put("status", status(r, texts));
            row.put("fee", ParticipantPages.fee(r.applicant().feeYen(), texts) + " · " + texts.get(r.applicant().member()
                    ? "staff_member" : "staff_nonmember") + (r.applicant().memberBody() == null ? ""
                            : " (" + r.applicant().memberBody() + ")"));
            row.put("canCheckIn", r.status() == RegistrationStatus.CONFIRMED && r.checkedIn() == null);
            row.put("answers", answers(r, registrants.seminar().offer()));
            rows.computeIfAbsent(r.pool(), p -> new ArrayList<>()).add(row);
        }
        List<Map<String, Object>> pools = new ArrayList<>();
        for (Pool pool : Pool.values()) {
            Integer capacity = registrants.seminar().offer().map(o -> o.pools().get(pool)).map(Seats::capacity).orElse(null);
            boolean offered = registrants.seminar().offer().map(o -> o.pools().containsKey(pool)).orElse(false);
            if (!offered && !figures.containsKey(pool)) {
                continue;
            }
            int[] counts = figures.getOrDefault(pool, new int[3]);
            pools.add(Map.of("label", texts.get("pool_" + pool.key()),
                    "figures", texts.format("staff_pool_figures", counts[0],
                            capacity == null ? texts.get("staff_capacity_open") : capacity, counts[1], counts[2]),
                    "rows", rows.getOrDefault(pool, List.of())));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("seminarId", seminarId);
        model.put("title", StaffDesk.title(registrants.seminar(), texts));
        model.put("when", when(registrants.seminar(), texts));
        model.put("pools", pools);
        model.put("q", query);
        model.put("csrf", csrf);
        if (!query.isEmpty()) {
            model.put("found", texts.format("staff_found", found, query));
        }
        if ("checkedin".equals(request.getParameter("done"))) {
            model.put("notice", texts.get("notice_checkedin"));
        }
        render(request, response, texts, staff, "staff_seminar", StaffDesk.title(registrants.seminar(), texts), model);
    }

    private void attendance(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember staff,
            String seminarId) throws IOException, StoreException {
        Registrants registrants = desk.registrants(request, staff, seminarId, "read attendance");
        if (refused(request, response, texts, registrants.refusal())) {
            return;
        }
        Map<Pool, List<Map<String, Object>>> rows = new EnumMap<>(Pool.class);
        int present = 0;
        int confirmed = 0;
        for (Registration r : registrants.registrations()) {
            if (r.status() != RegistrationStatus.CONFIRMED) {
                continue;
            }
            confirmed++;
            present += r.checkedIn() == null ? 0 : 1;
            List<Map<String, Object>> pool = rows.computeIfAbsent(r.pool(), p -> new ArrayList<>());
            Map<String, Object> row = person(r, texts);
            row.put("n", pool.size() + 1);
            pool.add(row);
        }
        List<Map<String, Object>> pools = new ArrayList<>();
        rows.forEach((pool, list) -> pools.add(Map.of("label", texts.get("pool_" + pool.key()), "rows", list)));
        Map<String, Object> model = new HashMap<>();
        model.put("id", seminarId);
        model.put("title", StaffDesk.title(registrants.seminar(), texts));
        model.put("when", when(registrants.seminar(), texts));
        model.put("summary", texts.format("staff_present", present, confirmed));
        model.put("pools", pools);
        render(request, response, texts, staff, "staff_attendance", texts.get("staff_attendance"), model);
    }

    private void csv(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember staff,
            String seminarId) throws IOException, StoreException {
        Registrants registrants = desk.registrants(request, staff, seminarId, "export csv");
        if (refused(request, response, texts, registrants.refusal())) {
            return;
        }
        response.setStatus(200);
        response.setContentType("text/csv;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"registrants-" + seminarId.replaceAll("[^A-Za-z0-9_.-]", "_")
                + ".csv\"");
        StaffDesk.csv(registrants, texts, response.getOutputStream());
    }

    private void checkInRow(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember staff,
            String seminarId, String registrationId) throws IOException, StoreException {
        if (refused(request, response, texts, desk.checkIn(request, staff, seminarId, registrationId).refusal())) {
            return;
        }
        String query = Optional.ofNullable(request.getParameter("q")).orElse("");
        response.setStatus(303);
        response.setHeader("Location", "/staff/seminars/" + seminarId + "?done=checkedin"
                + (query.isBlank() ? "" : "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)) + "#r" + registrationId);
    }

    private void checkInByLink(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember staff,
            String token) throws IOException, StoreException {
        Lookup checkIn = desk.checkIn(request, staff, token);
        if (refused(request, response, texts, checkIn.refusal())) {
            return;
        }
        response.setStatus(303);
        response.setHeader("Location", "/r/" + token + "?done=checkedin");
    }

    private void accounts(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember staff,
            int status, String problem) throws IOException, StoreException {
        List<Map<String, Object>> members = new ArrayList<>();
        for (StaffMember member : gate.accounts().all()) {
            members.add(Map.of("email", member.email(), "role", texts.get("staff_role_" + member.role().key()),
                    "seminars", String.join(", ", member.seminars())));
        }
        Set<String> chosen = new LinkedHashSet<>(List.of(Optional.ofNullable(request.getParameterValues("seminar"))
                .orElse(new String[0])));
        List<Map<String, Object>> seminars = new ArrayList<>();
        for (Seminar seminar : desk.seminars(staff)) {
            seminars.add(Map.of("id", seminar.id(), "title", StaffDesk.title(seminar, texts),
                    "checked", chosen.contains(seminar.id())));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("members", members);
        model.put("seminars", seminars);
        model.put("csrf", Csrf.token(request, response));
        model.put("problem", problem);
        model.put("email", problem == null ? "" : Optional.ofNullable(request.getParameter("email")).orElse(""));
        model.put("admin", problem != null && "admin".equals(request.getParameter("role")));
        model.put("minimum", texts.format("staff_password_hint", StaffAccounts.MIN_PASSWORD_LENGTH));
        if ("saved".equals(request.getParameter("done"))) {
            model.put("notice", texts.get("staff_account_saved"));
        }
        render(request, response, texts, staff, "staff_accounts", texts.get("staff_accounts"), model, status);
    }

    private void saveAccount(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember staff)
            throws IOException, StoreException {
        String email = Optional.ofNullable(request.getParameter("email")).map(String::strip).orElse("");
        StaffRole role = StaffRole.ofKey(request.getParameter("role"));
        String password = Optional.ofNullable(request.getParameter("password")).orElse("");
        Set<String> seminars = new LinkedHashSet<>(List.of(Optional.ofNullable(request.getParameterValues("seminar"))
                .orElse(new String[0])));
        String problem = null;
        if (!email.matches("[^@\\s]+@[^@\\s]+") || email.length() > 320) {
            problem = texts.format("error_email", texts.get("field_email"));
        } else if (role == null) {
            problem = texts.get("staff_role_missing");
        } else if (!StaffAccounts.acceptable(password)) {
            problem = texts.format("staff_password_short", StaffAccounts.MIN_PASSWORD_LENGTH);
        }
        if (problem != null) {
            accounts(request, response, texts, staff, 400, problem);
            return;
        }
        gate.audit(request, staff, "save staff account", role.key() + " " + email
                + (role == StaffRole.INSTRUCTOR ? " " + seminars : ""));
        gate.accounts().save(email, role, password, seminars);
        response.setStatus(303);
        response.setHeader("Location", "/staff/accounts?done=saved");
    }

    private void audit(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember staff)
            throws IOException, StoreException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (AuditEntry entry : gate.auditLog().recent(AUDIT_ROWS)) {
            entries.add(Map.of("at", StaffDesk.STAMP.format(entry.at().atZone(Catalogue.ZONE)), "staff", entry.staff(),
                    "action", entry.action(), "subject", entry.subject(),
                    "address", entry.address() == null ? "" : entry.address()));
        }
        render(request, response, texts, staff, "staff_audit", texts.get("staff_audit"),
                Map.of("entries", entries, "limit", texts.format("staff_audit_limit", AUDIT_ROWS)));
    }

    // ---- helpers ----

    private void render(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember staff,
            String template, String title, Map<String, Object> model) throws IOException {
        render(request, response, texts, staff, template, title, model, 200);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember staff,
            String template, String title, Map<String, Object> model, int status) throws IOException {
        Map<String, Object> scope = new HashMap<>(model);
        scope.put("staff", nav(staff, request, response));
        pages.render(request, response, status, template, texts, title, scope);
    }

    /** What the staff navigation ({@code staff_nav.mustache}) shows: who is logged in, and the log-out form's token. */
    static Map<String, Object> nav(StaffMember staff, HttpServletRequest request, HttpServletResponse response) {
        return Map.of("email", staff.email(), "admin", staff.admin(), "csrf", Csrf.token(request, response));
    }

    /** Name, reading, organisation, address and check-in of a registration, for a row. */
    private static Map<String, Object> person(Registration r, Texts texts) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", r.id());
        row.put("name", r.applicant().name());
        row.put("kana", r.applicant().kana());
        row.put("organization", r.applicant().organization());
        row.put("email", r.applicant().email());
        row.put("checkedIn", r.checkedIn() == null ? ""
                : texts.format("staff_checked_in_at", StaffDesk.STAMP.format(r.checkedIn().atZone(Catalogue.ZONE)),
                        r.checkedInBy()));
        return row;
    }

    static String status(Registration r, Texts texts) {
        return r.status() == RegistrationStatus.WAITING ? texts.format("status_waiting_position", r.position())
                : texts.get("status_" + r.status().key());
    }

    /** The questionnaire answers of a registration, with the questions' texts where the seminar has them. */
    static List<Map<String, String>> answers(Registration r, Optional<Offer> offer) {
        Map<String, String> questions = new HashMap<>();
        offer.ifPresent(o -> o.questionnaire().forEach(item -> questions.put(item.id(), item.text())));
        List<Map<String, String>> answers = new ArrayList<>();
        r.applicant().answers().forEach((id, answer) -> {
            if (!answer.isBlank()) {
                answers.add(Map.of("question", questions.getOrDefault(id, id), "answer", answer));
            }
        });
        return answers;
    }

    private String when(Seminar seminar, Texts texts) {
        return seminar.offer().filter(o -> !o.sessions().isEmpty())
                .map(o -> ParticipantPages.session(o.sessions().get(0), texts)).orElse("");
    }

    private boolean csrfValid(HttpServletRequest request, HttpServletResponse response, Texts texts) throws IOException {
        if (Csrf.valid(request)) {
            return true;
        }
        pages.message(request, response, 403, texts, texts.get("csrf_heading"), texts.get("csrf_text"), "/staff");
        return false;
    }

    /** Answers a refusal (403 or 404) and says so; {@code false} when there is none. */
    private boolean refused(HttpServletRequest request, HttpServletResponse response, Texts texts, Refusal refusal)
            throws IOException {
        if (refusal == Refusal.FORBIDDEN) {
            forbidden(request, response, texts);
        } else if (refusal == Refusal.NOT_FOUND) {
            notFound(request, response, texts);
        }
        return refusal != null;
    }

    private void forbidden(HttpServletRequest request, HttpServletResponse response, Texts texts) throws IOException {
        pages.message(request, response, 403, texts, texts.get("staff_forbidden_heading"), texts.get("staff_forbidden_text"),
                "/staff");
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, Texts texts) throws IOException {
        pages.message(request, response, 404, texts, texts.get("not_found_heading"), texts.get("not_found_text"), "/staff");
    }

}
