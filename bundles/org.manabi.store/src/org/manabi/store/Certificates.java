package org.manabi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Optional;

/**
 * Issued certificates. Whether someone has earned one is the seminar's rule, decided by the server;
 * the store keeps what was issued, once per holder, under an unguessable verification code.
 */
public final class Certificates {

    private static final int CODE_GROUPS = 5;
    private static final String COLUMNS = "id, code, seminar_id, holder, name, hours, issued_at";

    private final Database database;
    private final Clock clock;

    public Certificates(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The holder key of a registration's certificate. */
    public static String ofRegistration(long registrationId) {
        return "registration:" + registrationId;
    }

    /** The holder key of a viewing ID's certificate (a video-learning set without registration). */
    public static String ofViewingId(long viewingId) {
        return "viewing:" + viewingId;
    }

    /** The holder's certificate, issued now under a new code unless it was issued before. */
    public Certificate issue(String seminarId, String holder, String name, Double hours) throws StoreException {
        return database.inTransaction("issue a certificate", connection -> {
            Optional<Certificate> had = one(connection, "holder = ?", holder);
            if (had.isPresent()) {
                connection.commit();
                return had.get();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO certificate (code, seminar_id, holder, "
                    + "name, hours, issued_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, Tokens.code(CODE_GROUPS));
                insert.setString(2, seminarId);
                insert.setString(3, holder);
                insert.setString(4, name);
                if (hours == null) {
                    insert.setNull(5, Types.DOUBLE);
                } else {
                    insert.setDouble(5, hours);
                }
                insert.setTimestamp(6, Timestamp.from(clock.instant()));
                insert.executeUpdate();
            } catch (SQLException e) {
                // the same holder at the same moment on another connection: theirs stands
                connection.rollback();
                Optional<Certificate> theirs = one(connection, "holder = ?", holder);
                if (theirs.isPresent()) {
                    connection.commit();
                    return theirs.get();
                }
                throw e;
            }
            Certificate issued = one(connection, "holder = ?", holder).orElseThrow();
            connection.commit();
            return issued;
        });
    }

    /** The certificate of a holder, if issued. */
    public Optional<Certificate> ofHolder(String holder) throws StoreException {
        return database.inTransaction("read a certificate", connection -> {
            Optional<Certificate> found = one(connection, "holder = ?", holder);
            connection.commit();
            return found;
        });
    }

    /** The certificate that carries {@code code} (typed in any case, dashes optional), if one does. */
    public Optional<Certificate> verify(String code) throws StoreException {
        String normalized = Tokens.normalizeCode(code);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        return database.inTransaction("verify a certificate", connection -> {
            Optional<Certificate> found = one(connection, "code = ?", normalized);
            connection.commit();
            return found;
        });
    }

    private static Optional<Certificate> one(Connection connection, String where, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM certificate WHERE " + where)) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                double hours = rows.getDouble("hours");
                Double credited = rows.wasNull() ? null : hours;
                return Optional.of(new Certificate(rows.getLong("id"), rows.getString("code"), rows.getString("seminar_id"),
                        rows.getString("holder"), rows.getString("name"), credited,
                        rows.getTimestamp("issued_at").toInstant()));
            }
        }
    }
}
