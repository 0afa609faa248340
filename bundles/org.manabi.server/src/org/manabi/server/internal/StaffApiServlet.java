package org.manabi.server.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.manabi.server.internal.StaffDesk.Lookup;
import org.manabi.server.internal.StaffDesk.Refusal;
import org.manabi.server.internal.StaffDesk.Registrants;
import org.manabi.server.internal.StaffDesk.Seminar;
import org.manabi.store.Registration;
import org.manabi.store.StaffMember;
import org.manabi.store.StoreException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The staff JSON API under {@code /api/staff} (docs/API.md), authenticated by the staff session
 * cookie: 401 without a session, 403 for a seminar outside an instructor's scope. A POST must say
 * {@code Content-Type: application/json}, which a form of another site cannot, so it needs no CSRF
 * token. Every answer with participants' data writes its audit row first.
 */
public final class StaffApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient StaffGate gate;
    private final transient StaffDesk desk;

    public StaffApiServlet(StaffGate gate, StaffDesk desk) {
        this.gate = gate;
        this.desk = desk;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = Http.path(request);
        try {
            Optional<StaffMember> member = member(request, response);
            if (member.isEmpty()) {
                return;
            }
            StaffMember staff = member.get();
            if (path.length == 1 && path[0].equals("me")) {
                Map<String, Object> me = new LinkedHashMap<>();
                me.put("email", staff.email());
                me.put("role", staff.role().key());
                me.put("seminars", staff.admin() ? null : staff.seminars());
                Json.write(response, 200, me);
            } else if (path.length == 1 && path[0].equals("seminars")) {
                seminars(response, staff);
            } else if (path.length == 3 && path[0].equals("seminars") && path[2].equals("registrations")) {
                registrants(request, response, staff, path[1]);
            } else if (path.length == 2 && path[0].equals("registrations")) {
                Lookup found = desk.registration(request, staff, path[1]);
                if (!refused(response, found.refusal())) {
                    Json.write(response, 200, registration(found.registration()));
                }
            } else {
                Json.error(response, 404, "No such API resource: " + request.getRequestURI(), null);
            }
        } catch (StoreException e) {
            Json.unavailable(response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = Http.path(request);
        try {
            Optional<StaffMember> member = member(request, response);
            if (member.isEmpty() || !Json.typed(request, response)) {
                return;
            }
            StaffMember staff = member.get();
            Lookup checkIn;
            if (path.length == 3 && path[0].equals("registrations") && path[2].equals("check-in")) {
                checkIn = desk.checkIn(request, staff, path[1]);
            } else if (path.length == 5 && path[0].equals("seminars") && path[2].equals("registrations")
                    && path[4].equals("check-in")) {
                checkIn = desk.checkIn(request, staff, path[1], path[3]);
            } else {
                Json.error(response, 404, "No such API resource: " + request.getRequestURI(), null);
                return;
            }
            if (!refused(response, checkIn.refusal())) {
                Json.write(response, 200, registration(checkIn.registration()));
            }
        } catch (StoreException e) {
            if (e.getCause() == null) {
                Json.error(response, 409, e.getMessage(), null); // e.g. checking in someone without a seat
            } else {
                Json.unavailable(response, e);
            }
        }
    }

    private void seminars(HttpServletResponse response, StaffMember staff) throws IOException, StoreException {
        List<Map<String, Object>> seminars = new ArrayList<>();
        for (Seminar seminar : desk.seminars(staff)) {
            if (seminar.offer().isPresent()) {
                seminars.add(ApiServlet.seminar(seminar.offer().get(), Map.of(seminar.id(), seminar.counts())));
            } else {
                Map<String, Object> unpublished = new LinkedHashMap<>();
                unpublished.put("id", seminar.id());
                unpublished.put("published", false);
                seminars.add(unpublished);
            }
        }
        Json.write(response, 200, seminars);
    }

    private void registrants(HttpServletRequest request, HttpServletResponse response, StaffMember staff,
            String seminarId) throws IOException, StoreException {
        String query = Optional.ofNullable(request.getParameter("q")).map(String::strip).orElse("");
        Registrants registrants = desk.registrants(request, staff, seminarId,
                query.isEmpty() ? "read registrants" : "search registrants");
        if (refused(response, registrants.refusal())) {
            return;
        }
        Json.write(response, 200, registrants.registrations().stream().filter(r -> StaffDesk.matches(r, query))
                .map(StaffApiServlet::registration).toList());
    }

    /** A registration as staff see it: the participant's view, with its id, answers and check-in. */
    private static Map<String, Object> registration(Registration r) {
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("id", r.id());
        registration.putAll(ApiServlet.registration(r));
        registration.put("memberBody", r.applicant().memberBody());
        registration.put("answers", r.applicant().answers());
        registration.put("registered", Json.time(r.createdAt()));
        registration.put("checkedInAt", Json.time(r.checkedIn()));
        registration.put("checkedInBy", r.checkedInBy());
        return registration;
    }

    /** The session's staff member, or empty after answering 401. */
    private Optional<StaffMember> member(HttpServletRequest request, HttpServletResponse response)
            throws IOException, StoreException {
        Optional<StaffMember> member = gate.member(request);
        if (member.isEmpty()) {
            Json.error(response, 401, "Log in as staff first (POST /staff/login); the session cookie authenticates", null);
        }
        return member;
    }

    private static boolean refused(HttpServletResponse response, Refusal refusal) throws IOException {
        if (refusal == Refusal.FORBIDDEN) {
            Json.error(response, 403, "This seminar is not one of yours", null);
        } else if (refusal == Refusal.NOT_FOUND) {
            Json.error(response, 404, "No such seminar or registration", null);
        }
        return refusal != null;
    }
}
