package org.manabi.server.internal;

import java.time.Duration;
import java.util.Optional;

import org.manabi.server.ServerSettings;
import org.manabi.store.AuditLog;
import org.manabi.store.StaffAccounts;
import org.manabi.store.StaffMember;
import org.manabi.store.StoreException;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who of the staff is asking: the session cookie, checked against the sessions in the database (so
 * any node knows a session another opened), and the audit log that every read of personal data
 * passes through.
 * <p>
 * The cookie is HttpOnly and SameSite=Strict; over HTTPS (or behind a proxy whose public address is
 * https) it is also Secure and named with the {@code __Host-} prefix, which browsers accept only
 * from a secure origin, for path {@code /} and without a domain: no other host can set it.
 */
public final class StaffGate {

    /** A session lasts a long seminar day; after that the member logs in again. */
    static final Duration SESSION = Duration.ofHours(12);
    static final String COOKIE = "manabi_staff";
    static final String SECURE_COOKIE = "__Host-manabi_staff";
    private static final String MEMBER = StaffGate.class.getName() + ".member";

    private final StaffAccounts accounts;
    private final AuditLog audit;
    private final ServerSettings settings;

    public StaffGate(StaffAccounts accounts, AuditLog audit, ServerSettings settings) {
        this.accounts = accounts;
        this.audit = audit;
        this.settings = settings;
    }

    /** The logged-in staff member of this request, or empty; read from the database once per request. */
    Optional<StaffMember> member(HttpServletRequest request) throws StoreException {
        Object known = request.getAttribute(MEMBER);
        if (known instanceof Optional<?> member) {
            return member.map(StaffMember.class::cast);
        }
        Optional<StaffMember> member = accounts.ofSession(token(request));
        request.setAttribute(MEMBER, member);
        return member;
    }

    /** Checks the address and password; on success opens a session and sets its cookie. */
    Optional<StaffMember> logIn(HttpServletRequest request, HttpServletResponse response, String email, String password)
            throws StoreException {
        Optional<StaffMember> member = accounts.authenticate(email, password);
        if (member.isPresent()) {
            // a new token for every log-in: a session the browser had before (perhaps planted) ends
            accounts.closeSession(token(request));
            StaffAccounts.Session session = accounts.openSession(member.get(), SESSION);
            response.addCookie(cookie(request, session.token(), (int) SESSION.toSeconds()));
            audit(request, member.get(), "log-in", member.get().email());
        }
        return member;
    }

    /** Ends the session of this request, if any, and removes its cookie. */
    void logOut(HttpServletRequest request, HttpServletResponse response) throws StoreException {
        accounts.closeSession(token(request));
        response.addCookie(cookie(request, "", 0));
    }

    /**
     * Writes the audit row of {@code member} doing {@code action} to {@code subject}. Called before the
     * data is sent: when the row cannot be written, the request fails and nothing is shown.
     */
    void audit(HttpServletRequest request, StaffMember member, String action, String subject) throws StoreException {
        audit.record(member.email(), action, subject, request.getRemoteAddr());
    }

    StaffAccounts accounts() {
        return accounts;
    }

    AuditLog auditLog() {
        return audit;
    }

    /** Whether the browser reached us over HTTPS, directly or through a proxy at an https public address. */
    boolean secure(HttpServletRequest request) {
        return request.isSecure() || settings.publicUri() != null && "https".equals(settings.publicUri().getScheme());
    }

    private Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        boolean secure = secure(request);
        Cookie cookie = new Cookie(secure ? SECURE_COOKIE : COOKIE, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Strict");
        return cookie;
    }

    private String token(HttpServletRequest request) {
        String name = secure(request) ? SECURE_COOKIE : COOKIE;
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (name.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
