package org.manabi.store.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.manabi.store.Database;
import org.manabi.store.StoreException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two databases every store test runs on: a fresh H2 file, and a fresh schema on the real
 * PostgreSQL server of the machine ({@code .ci/postgres} starts it and creates the test database).
 */
final class TestDatabases {

    /** Where the PostgreSQL of the tests is; {@code MANABI_TEST_POSTGRES} overrides it. */
    static final String POSTGRES_URL = System.getenv().getOrDefault("MANABI_TEST_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/manabi_test?user=manabi&password=manabi");

    /**
     * Opens one database of a kind; {@link #open()} may be called again for a second node on the same
     * data. JUnit closes a parameterized test's arguments after the test: that removes the data.
     */
    interface Kind extends AutoCloseable {
        Database open() throws Exception;

        @Override
        void close() throws Exception;
    }

    private TestDatabases() {
    }

    static Stream<Named<Kind>> both() {
        return Stream.of(Named.of("H2", h2()), Named.of("PostgreSQL", postgres()));
    }

    static Kind h2() {
        return new Kind() {
            private Path folder;

            @Override
            public Database open() throws Exception {
                if (folder == null) {
                    folder = Files.createTempDirectory("manabi-store-test");
                }
                return Database.openH2(folder);
            }

            @Override
            public void close() throws Exception {
                if (folder != null) {
                    try (Stream<Path> files = Files.walk(folder)) {
                        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
                    }
                    folder = null;
                }
            }
        };
    }

    /** A schema of its own per test, so that tests neither see nor disturb each other's rows. */
    static Kind postgres() {
        return new Kind() {
            private final String schema = "test_" + HexFormat.of().formatHex(SecureRandom.getSeed(6));
            private boolean created;

            @Override
            public Database open() throws Exception {
                if (!created) {
                    try (Connection connection = admin();
                            Statement statement = connection.createStatement()) {
                        statement.execute("CREATE SCHEMA " + schema);
                    }
                    created = true;
                }
                return openOrExplain(POSTGRES_URL + "&currentSchema=" + schema);
            }

            @Override
            public void close() throws Exception {
                if (created) {
                    try (Connection connection = admin();
                            Statement statement = connection.createStatement()) {
                        statement.execute("DROP SCHEMA " + schema + " CASCADE");
                    }
                    created = false;
                }
            }
        };
    }

    /** A plain connection (auto-commit) beside the store, to make and drop the test's schema. */
    private static Connection admin() throws StoreException {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(POSTGRES_URL);
        try {
            return postgres.getConnection();
        } catch (SQLException e) {
            throw explained(new StoreException(e.getMessage(), e));
        }
    }

    private static StoreException explained(StoreException e) {
        return new StoreException(e.getMessage() + " — the store tests need a PostgreSQL server: run `sudo .ci/postgres` "
                + "(starts the machine's server and creates the test database) or set MANABI_TEST_POSTGRES", e);
    }

    private static Database openOrExplain(String url) throws StoreException {
        try {
            return Database.openUrl(url);
        } catch (StoreException e) {
            throw explained(e);
        }
    }
}
