package org.manabi.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.manabi.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations: the SQL scripts {@code db/migration/V<n>__<name>.sql} of this bundle,
 * applied once each, in order, each in its own transaction, and recorded with a checksum in
 * {@code schema_version}. An applied script that was edited afterwards stops the start, because
 * the databases already migrated with the old text would differ from new ones.
 * <p>
 * Why not Flyway: Flyway 11 has no OSGi manifest and discovers its database support and the
 * scripts through ServiceLoader and class-path scanning, which inside OSGi need class-loader
 * plumbing larger than this class. The scripts follow Flyway's naming, so a later move is a rename
 * of the history table.
 * <p>
 * Several {@code serve} nodes may start at once on one PostgreSQL: the first takes a table lock on
 * {@code schema_version}; the others wait and then find nothing left to apply.
 */
public final class Migrations {

    /** The scripts in order. A new script is added at the end, never inserted or edited. */
    static final List<String> SCRIPTS = List.of(
            "V1__registrations.sql",
            "V2__staff.sql",
            "V3__quizzes.sql",
            "V4__live_questions.sql",
            "V5__personal_data.sql",
            "V6__vod.sql",
            "V7__personal_data_requests.sql",
            "V8__registration_notices.sql",
            "V9__viewer_requests.sql",
            "V10__owed_mails.sql",
            "V11__pool_counts.sql");

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /** Brings the schema of {@code database} up to date; {@code description} names it in errors. */
    public static void apply(DataSource database, boolean postgres, String description) throws StoreException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, script VARCHAR(200) NOT NULL, "
                        + "checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                connection.commit();
            } catch (SQLException e) {
                // two nodes creating the table at the same moment: the loser finds it made
                connection.rollback();
            }
            for (int index = 0; index < SCRIPTS.size(); index++) {
                applyOne(connection, index + 1, SCRIPTS.get(index), postgres, description);
            }
        } catch (SQLException e) {
            throw new StoreException("The schema of " + description + " cannot be brought up to date: "
                    + e.getMessage(), e);
        }
    }

    private static void applyOne(Connection connection, int version, String script, boolean postgres,
            String description) throws SQLException, StoreException {
        String text = read(script);
        String checksum = Hashes.sha256(text);
        try (Statement statement = connection.createStatement()) {
            if (postgres) {
                statement.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT checksum FROM schema_version WHERE version = ?")) {
                query.setInt(1, version);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        connection.rollback();
                        if (!rows.getString(1).equals(checksum)) {
                            throw new StoreException("The schema of " + description + " was migrated with another text of "
                                    + script + " than this version of Manabi carries; restore the script or the database", null);
                        }
                        return;
                    }
                }
            }
            for (String sql : statements(text)) {
                statement.execute(sql);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_version (version, script, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, script);
                insert.setString(3, checksum);
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            connection.commit();
            LOG.info("Migrated {} to schema version {} ({})", description, version, script);
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException(script + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    /** Splits a script at semicolons that end a line; the scripts hold no procedural code. */
    static List<String> statements(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                parts.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().strip());
        }
        return parts;
    }

    private static String read(String script) throws StoreException {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream("db/migration/" + script)) {
            if (in == null) {
                throw new StoreException("The migration db/migration/" + script + " is missing from the store bundle", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new StoreException("The migration " + script + " cannot be read: " + e.getMessage(), e);
        }
    }
}
