package org.manabi.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.manabi.store.internal.Migrations;
import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

/**
 * The operational database: an embedded H2 file by default, or a PostgreSQL server that several
 * {@code serve} nodes share. Connections come from a HikariCP pool.
 * <p>
 * Opening a database brings its schema up to date (versioned migrations, see
 * {@code db/migration/}). Drivers are used through their own {@link DataSource} classes, not {@code DriverManager}, whose
 * service-loader lookup does not see driver bundles inside OSGi.
 */
public final class Database implements AutoCloseable {

    /** The file name of the H2 database inside the data folder (H2 adds {@code .mv.db}). */
    public static final String H2_FILE_NAME = "manabi";

    private final HikariDataSource pool;
    private final String description;

    private Database(DataSource driver, String description) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(driver);
        config.setPoolName("manabi");
        // HikariCP's default of ten, more on a larger machine: under load the group commits' writers each
        // hold a connection for a whole batch, and with four a participant's short reads (the token's
        // holder) queued behind them; an idle connection costs H2 little and PostgreSQL one backend
        config.setMaximumPoolSize(Math.max(10, Runtime.getRuntime().availableProcessors() * 2));
        config.setAutoCommit(false);
        this.pool = new HikariDataSource(config);
        this.description = description;
    }

    /** Opens (creating if needed) the H2 file {@code <dataFolder>/manabi.mv.db}. */
    public static Database openH2(Path dataFolder) throws StoreException {
        Path folder = dataFolder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new StoreException("The data folder " + folder + " cannot be created: " + e.getMessage(), e);
        }
        JdbcDataSource h2 = new JdbcDataSource();
        // the file is locked by one process at a time; a second serve process gets a clear error rather than corruption
        // WRITE_DELAY=0: a commit reaches the file before the call returns, so what was acknowledged
        // survives the process being killed (H2 otherwise writes up to half a second later)
        // DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would close the file under requests still running
        // (each then fails and fills the trace file); the owner closes it after the server has stopped
        // QUERY_CACHE_SIZE=64: each pooled connection keeps its parsed statements; with H2's default of 8
        // a quiz start or submit, which uses more than eight, parsed its SQL again every time
        h2.setURL("jdbc:h2:file:" + folder.resolve(H2_FILE_NAME)
                + ";FILE_LOCK=FILE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64");
        return open(h2, "H2 " + folder.resolve(H2_FILE_NAME + ".mv.db"), false);
    }

    /**
     * Opens a database by JDBC URL: {@code jdbc:postgresql://host[:port]/db?user=…&password=…} or
     * {@code jdbc:h2:…}.
     */
    public static Database openUrl(String jdbcUrl) throws StoreException {
        return openUrl(jdbcUrl, null);
    }

    /**
     * As {@link #openUrl(String)}, with the password kept out of the URL (from a configuration file or
     * the environment); {@code null}: the URL's own, if any. Messages never show a password.
     */
    public static Database openUrl(String jdbcUrl, String password) throws StoreException {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            try {
                postgres.setURL(jdbcUrl);
            } catch (IllegalArgumentException e) {
                // not the driver's message: it repeats the URL, password and all
                throw new StoreException("The database URL " + redacted(jdbcUrl)
                        + " is not a PostgreSQL URL: use jdbc:postgresql://host[:port]/database", null);
            }
            if (password != null) {
                postgres.setPassword(password);
            }
            return open(postgres, "PostgreSQL " + postgres.getServerNames()[0] + "/" + postgres.getDatabaseName(), true);
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(jdbcUrl);
            if (password != null) {
                h2.setPassword(password);
            }
            return open(h2, "H2 " + redacted(jdbcUrl), false);
        }
        throw new StoreException("The database URL " + redacted(jdbcUrl)
                + " is not supported: use jdbc:postgresql://host/database or jdbc:h2:file:path", null);
    }

    /** Opens the pool and brings the schema up to date. */
    private static Database open(DataSource driver, String description, boolean postgres) throws StoreException {
        Database database;
        try {
            database = new Database(driver, description);
            database.checkReachable();
        } catch (RuntimeException e) {
            // HikariCP reports an unreachable server as a runtime exception while it fills the pool
            throw new StoreException("The database " + description + " cannot be opened: " + rootMessage(e), e);
        }
        try {
            Migrations.apply(database.pool, postgres, description);
        } catch (StoreException | RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** {@code jdbcUrl} with the value of any password parameter replaced by {@code ***}. */
    static String redacted(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private void checkReachable() {
        try (Connection connection = pool.getConnection()) {
            if (!connection.isValid(5)) {
                throw new IllegalStateException("the connection is not valid");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** Pooled connections; they start with auto-commit off, so every change is one explicit transaction. */
    public DataSource dataSource() {
        return pool;
    }

    /** Work done on one connection of the pool; it commits (or rolls back) itself before it returns. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException, StoreException;
    }

    /**
     * Runs {@code work} on a pooled connection; what it leaves uncommitted when it throws is rolled
     * back. {@code what} completes the message of a database error: "Cannot {@code what} in H2 …: …".
     */
    <T> T inTransaction(String what, Work<T> work) throws StoreException {
        try (Connection connection = pool.getConnection()) {
            try {
                return work.run(connection);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot " + what + " in " + description + ": " + e.getMessage(), e);
        }
    }

    /** Which database this is, for logs and the health page: "H2 /home/x/.manabi/manabi.mv.db". */
    public String description() {
        return description;
    }

    /** Whether a connection can be had and answers within two seconds. */
    public boolean isHealthy() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** How busy the connection pool is, for the metrics endpoint. */
    public record PoolStats(int active, int idle, int waiting, int maximum) {
    }

    /** The pool's figures at this moment. */
    public PoolStats poolStats() {
        HikariPoolMXBean figures = pool.getHikariPoolMXBean();
        if (figures == null) {
            return new PoolStats(0, 0, 0, pool.getMaximumPoolSize());
        }
        return new PoolStats(figures.getActiveConnections(), figures.getIdleConnections(),
                figures.getThreadsAwaitingConnection(), pool.getMaximumPoolSize());
    }

    @Override
    public void close() {
        pool.close();
    }
}
