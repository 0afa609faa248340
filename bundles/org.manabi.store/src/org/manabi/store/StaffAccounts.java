package org.manabi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.manabi.store.internal.Argon2id;
import org.manabi.store.internal.Hashes;

/**
 * The staff who log in: their accounts (Argon2id password hashes), the seminars an instructor is
 * scoped to, and their log-in sessions.
 * <p>
 * Sessions live in the database, not in a node's memory, so that any {@code serve} node sharing a
 * PostgreSQL knows a session another node opened. The cookie carries a random token of 256 bits;
 * the table keeps only its SHA-256, so a copy of the table opens no session.
 */
public final class StaffAccounts {

    /** Passwords shorter than this many characters are refused (NIST SP 800-63B asks for at least 8). */
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final int SESSION_TOKEN_BYTES = 32;

    /** A session's cookie value and when the session ends. */
    public record Session(String token, Instant expires) {
    }

    private final Database database;
    private final Clock clock;

    public StaffAccounts(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Whether {@code password} is long enough to be set: {@value #MIN_PASSWORD_LENGTH} characters or more. */
    public static boolean acceptable(String password) {
        String normalised = Normalizer.normalize(password, Normalizer.Form.NFKC).strip();
        return normalised.codePointCount(0, normalised.length()) >= MIN_PASSWORD_LENGTH;
    }

    /**
     * Creates the account of {@code email}, or resets it when the address has one: role, password and
     * scope are replaced, and the sessions it had are closed (a reset password locks out whoever knew
     * the old one).
     *
     * @param seminars the seminars of an instructor; ignored for an admin
     * @throws IllegalArgumentException when the password is not {@link #acceptable} or the address is blank
     */
    public StaffMember save(String email, StaffRole role, String password, Set<String> seminars) throws StoreException {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("a staff account needs an email address");
        }
        if (!acceptable(password)) {
            throw new IllegalArgumentException("a staff password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        String hash = Argon2id.hash(password);
        String key = Applicant.emailKey(email);
        Set<String> scope = role == StaffRole.ADMIN ? Set.of() : new TreeSet<>(seminars);
        return database.inTransaction("save the staff account of " + email.strip(), connection -> {
            Timestamp now = Timestamp.from(clock.instant());
            Optional<Long> existing = idOf(connection, key);
            long id;
            if (existing.isPresent()) {
                id = existing.get();
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE staff SET email = ?, role = ?, password_hash = ?, updated_at = ? WHERE id = ?")) {
                    update.setString(1, email.strip());
                    update.setString(2, role.key());
                    update.setString(3, hash);
                    update.setTimestamp(4, now);
                    update.setLong(5, id);
                    update.executeUpdate();
                }
                delete(connection, "DELETE FROM staff_scope WHERE staff_id = ?", id);
                delete(connection, "DELETE FROM staff_session WHERE staff_id = ?", id);
            } else {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO staff (email, email_key, role, "
                        + "password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, email.strip());
                    insert.setString(2, key);
                    insert.setString(3, role.key());
                    insert.setString(4, hash);
                    insert.setTimestamp(5, now);
                    insert.setTimestamp(6, now);
                    insert.executeUpdate();
                }
                id = idOf(connection, key).orElseThrow();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO staff_scope (staff_id, seminar_id) VALUES (?, ?)")) {
                for (String seminar : scope) {
                    insert.setLong(1, id);
                    insert.setString(2, seminar);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            StaffMember saved = member(connection, id).orElseThrow();
            connection.commit();
            return saved;
        });
    }

    /**
     * The staff member with this address and password, or empty. An unknown address costs as much
     * time as a wrong password, so that timing does not tell which addresses have accounts.
     */
    public Optional<StaffMember> authenticate(String email, String password) throws StoreException {
        if (email == null || password == null) {
            return Optional.empty();
        }
        String key = Applicant.emailKey(email);
        record Stored(long id, String hash) {
        }
        Optional<Stored> stored = database.inTransaction("read a staff account", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, password_hash FROM staff WHERE email_key = ?")) {
                query.setString(1, key);
                try (ResultSet rows = query.executeQuery()) {
                    Optional<Stored> found = rows.next() ? Optional.of(new Stored(rows.getLong(1), rows.getString(2)))
                            : Optional.empty();
                    connection.commit();
                    return found;
                }
            }
        });
        // hashing outside the transaction: a connection is not held for the 50 ms of Argon2
        boolean matches = Argon2id.verify(password, stored.map(Stored::hash).orElse(Unknown.HASH));
        if (stored.isEmpty() || !matches) {
            return Optional.empty();
        }
        return find(stored.get().id());
    }

    /** The account {@code id}, with its scope. */
    public Optional<StaffMember> find(long id) throws StoreException {
        return database.inTransaction("read a staff account", connection -> {
            Optional<StaffMember> found = member(connection, id);
            connection.commit();
            return found;
        });
    }

    /** Every staff account, by address. */
    public List<StaffMember> all() throws StoreException {
        return database.inTransaction("list the staff accounts", connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM staff ORDER BY email_key");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            List<StaffMember> members = new ArrayList<>();
            for (long id : ids) {
                member(connection, id).ifPresent(members::add);
            }
            connection.commit();
            return members;
        });
    }

    /** Opens a session for {@code member} that ends after {@code lifetime}; sessions already over are removed. */
    public Session openSession(StaffMember member, Duration lifetime) throws StoreException {
        String token = Tokens.random(SESSION_TOKEN_BYTES);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        return database.inTransaction("open a staff session", connection -> {
            try (PreparedStatement purge = connection.prepareStatement("DELETE FROM staff_session WHERE expires_at <= ?")) {
                purge.setTimestamp(1, Timestamp.from(now));
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO staff_session (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, Hashes.sha256(token));
                insert.setLong(2, member.id());
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setTimestamp(4, Timestamp.from(expires));
                insert.executeUpdate();
            }
            connection.commit();
            return new Session(token, expires);
        });
    }

    /** The staff member whose open session has the cookie value {@code token}, or empty (unknown, ended, expired). */
    public Optional<StaffMember> ofSession(String token) throws StoreException {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return database.inTransaction("read a staff session", connection -> {
            Optional<StaffMember> member = Optional.empty();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT staff_id FROM staff_session WHERE token_hash = ? AND expires_at > ?")) {
                query.setString(1, Hashes.sha256(token));
                query.setTimestamp(2, Timestamp.from(clock.instant()));
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        member = member(connection, rows.getLong(1));
                    }
                }
            }
            connection.commit();
            return member;
        });
    }

    /** Ends the session of {@code token} (log-out); an unknown token changes nothing. */
    public void closeSession(String token) throws StoreException {
        if (token == null || token.isEmpty()) {
            return;
        }
        database.inTransaction("close a staff session", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM staff_session WHERE token_hash = ?")) {
                delete.setString(1, Hashes.sha256(token));
                delete.executeUpdate();
            }
            connection.commit();
            return null;
        });
    }

    // ---- rows ----

    private static Optional<Long> idOf(Connection connection, String emailKey) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM staff WHERE email_key = ?")) {
            query.setString(1, emailKey);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    private static Optional<StaffMember> member(Connection connection, long id) throws SQLException {
        String email;
        StaffRole role;
        try (PreparedStatement query = connection.prepareStatement("SELECT email, role FROM staff WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                email = rows.getString(1);
                role = StaffRole.ofKey(rows.getString(2));
            }
        }
        Set<String> seminars = new TreeSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT seminar_id FROM staff_scope WHERE staff_id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    seminars.add(rows.getString(1));
                }
            }
        }
        return Optional.of(new StaffMember(id, email, role, seminars));
    }

    private static void delete(Connection connection, String sql, long staffId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setLong(1, staffId);
            delete.executeUpdate();
        }
    }

    /** The hash checked when an address has no account; made on first use, as it takes as long as a log-in. */
    private static final class Unknown {
        static final String HASH = Argon2id.hash(Tokens.random(SESSION_TOKEN_BYTES));
    }
}
