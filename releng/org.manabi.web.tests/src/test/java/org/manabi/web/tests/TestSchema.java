package org.manabi.web.tests;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A schema of its own on the machine's PostgreSQL ({@code .ci/postgres} starts it and creates the
 * test database), so that a test sees no other test's rows; closing drops it.
 */
final class TestSchema implements AutoCloseable {

    /** Where the PostgreSQL of the tests is; {@code MANABI_TEST_POSTGRES} overrides it, as for the store tests. */
    static final String POSTGRES_URL = System.getenv().getOrDefault("MANABI_TEST_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/manabi_test?user=manabi&password=manabi");

    private final String name = "web_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));

    TestSchema() throws SQLException {
        execute("CREATE SCHEMA " + name);
    }

    /** The URL to give {@code ./manabi serve --db}. */
    String url() {
        return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + " — these tests need a PostgreSQL server: run `sudo .ci/postgres` "
                    + "(starts the machine's server and creates the test database) or set MANABI_TEST_POSTGRES", e);
        }
    }
}
