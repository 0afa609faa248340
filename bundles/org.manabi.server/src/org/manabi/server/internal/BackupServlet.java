package org.manabi.server.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.manabi.store.Backups;
import org.manabi.store.Database;
import org.manabi.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /admin/backup} with {@code Authorization: Bearer TOKEN}: the backup of {@link Backups}, from
 * one snapshot of the database this process holds, streamed as it is read. Only from this machine and
 * only with the token of this run; anything else gets 403 and no hint which of the two was wrong.
 * <p>
 * A failure after the first bytes aborts the connection, so the client sees a cut stream rather than a
 * document that looks whole.
 */
public final class BackupServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BackupServlet.class);
    private static final String BEARER = "Bearer ";

    private final transient Database database;
    private final byte[] token;

    public BackupServlet(Database database, String token) {
        this.database = database;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!fromThisMachine(request) || !authorized(request.getHeader("Authorization"))) {
            LOG.warn("A backup was refused to {}: not from this machine or without this run's token",
                    request.getRemoteAddr());
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "backups are for ./manabi backup on this machine");
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        try {
            Backups.Summary summary = Backups.write(database, response.getOutputStream());
            LOG.info("Backup of {} rows of {} tables written for ./manabi backup", summary.totalRows(),
                    summary.rows().size());
        } catch (StoreException e) {
            LOG.warn("A backup failed: {}", e.getMessage());
            if (!response.isCommitted()) {
                response.reset();
                refuse(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, e.getMessage());
                return;
            }
            throw new ServletException(e.getMessage(), e);
        }
    }

    /** Plain text, not an error page: the command line shows it as it is. */
    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().print(message);
    }

    private static boolean fromThisMachine(HttpServletRequest request) throws IOException {
        // the connector listens on loopback only; this guards against a change of that
        return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith(BEARER)) {
            return false;
        }
        // in constant time: the time of a refusal tells nothing about how much of the token was right
        return MessageDigest.isEqual(token, header.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8));
    }
}
