package org.manabi.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Backups of the operational data in a portable format: one JSON document that a restore reads into
 * H2 or PostgreSQL alike, whichever of the two it was taken from.
 * <p>
 * A backup reads every table in one read-only transaction on one snapshot ({@code REPEATABLE READ}
 * on PostgreSQL, {@code SNAPSHOT} on H2), so a backup taken while nodes register is consistent: every
 * registration committed before it began is in it, none half. On H2 (whose file one process holds)
 * the process that has the database open takes the backup the same way.
 * <p>
 * The document: {@code {"format":"manabi-backup","version":1,"schema":N,"taken":"…","tables":[
 * {"name":"registration","columns":["id",…],"rows":[[…],…]},…],"complete":true}}. Tables come
 * in an order where every table follows the ones it references, and {@code "complete"} at the end
 * tells a whole file from a truncated one. Values: numbers, booleans, strings, ISO-8601 timestamps,
 * Base64 for bytes. The schema history is not copied: a restore goes into a database that this
 * version of Manabi has just migrated, and the schema versions must be equal.
 */
public final class Backups {

    static final String FORMAT = "manabi-backup";
    static final int VERSION = 1;
    private static final String HISTORY = "schema_version";
    private static final JsonFactory JSON = new JsonFactory();

    private Backups() {
    }

    /** What a backup or a restore moved: rows per table. */
    public record Summary(int schema, Map<String, Integer> rows) {

        public int totalRows() {
            return rows.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Writes a backup of {@code database} to {@code out} (which stays open). */
    public static Summary write(Database database, OutputStream out) throws StoreException, IOException {
        try (Connection connection = database.dataSource().getConnection()) {
            if (connection.getMetaData().getDatabaseProductName().equals("H2")) {
                // H2's REPEATABLE READ may still show rows added meanwhile; SNAPSHOT is one view of all tables
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
                }
            } else {
                // PostgreSQL: one snapshot, taken at the first query, for the whole transaction
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            connection.setReadOnly(true);
            try {
                Summary summary = write(connection, out);
                connection.commit();
                return summary;
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot back up " + database.description() + ": " + e.getMessage(), e);
        }
    }

    private static Summary write(Connection connection, OutputStream out) throws SQLException, IOException {
        int schema = schemaVersion(connection);
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeNumberField("schema", schema);
            json.writeStringField("taken", Instant.now().toString());
            json.writeArrayFieldStart("tables");
            for (String table : tablesInOrder(connection)) {
                counts.put(table, writeTable(connection, table, json));
            }
            json.writeEndArray();
            json.writeBooleanField("complete", true);
            json.writeEndObject();
        }
        return new Summary(schema, counts);
    }

    private static int writeTable(Connection connection, String table, JsonGenerator json)
            throws SQLException, IOException {
        int count = 0;
        // in key order: two backups of the same data are the same file, whichever database they come from
        String order = String.join(", ", primaryKey(connection, table));
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY "
                        + (order.isEmpty() ? "1" : order))) {
            ResultSetMetaData columns = rows.getMetaData();
            json.writeStartObject();
            json.writeStringField("name", table);
            json.writeArrayFieldStart("columns");
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                json.writeString(columns.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("rows");
            while (rows.next()) {
                json.writeStartArray();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    writeValue(rows, i, type(columns, i), table + "." + columns.getColumnLabel(i), json);
                }
                json.writeEndArray();
                count++;
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return count;
    }

    private static void writeValue(ResultSet rows, int column, int type, String name, JsonGenerator json)
            throws SQLException, IOException {
        Object value = switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> rows.getLong(column);
            case Types.BOOLEAN, Types.BIT -> rows.getBoolean(column);
            case Types.NUMERIC, Types.DECIMAL -> rows.getBigDecimal(column);
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> rows.getDouble(column);
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR, Types.NCHAR -> rows.getString(column);
            case Types.TIMESTAMP_WITH_TIMEZONE -> rows.getObject(column, OffsetDateTime.class);
            case Types.TIMESTAMP -> rows.getObject(column, LocalDateTime.class);
            case Types.DATE -> rows.getObject(column, LocalDate.class);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rows.getBytes(column);
            default -> throw new SQLException("the column " + name + " has a type (JDBC " + type
                    + ") that backups do not know yet; teach Backups the type before backing up");
        };
        if (rows.wasNull() || value == null) {
            json.writeNull();
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof byte[] bytes) {
            json.writeString(Base64.getEncoder().encodeToString(bytes));
        } else {
            json.writeString(value.toString());
        }
    }

    /**
     * Restores a backup into {@code database}, which must hold no operational data (a fresh data
     * folder or an empty PostgreSQL schema, migrated by opening it). All rows go in one transaction:
     * a restore that fails leaves the database empty.
     *
     * @throws StoreException if the file is no complete backup, its schema differs, or the database is not empty;
     *                        the message says which
     */
    public static Summary restore(Database database, InputStream in) throws StoreException, IOException {
        try (Connection connection = database.dataSource().getConnection()) {
            Summary summary;
            try {
                summary = restore(connection, in, database.description());
                connection.commit();
            } catch (SQLException | StoreException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            restartIdentities(connection, summary.rows().keySet());
            return summary;
        } catch (SQLException e) {
            throw new StoreException("Cannot restore into " + database.description() + ": " + e.getMessage(), e);
        }
    }

    private static Summary restore(Connection connection, InputStream in, String description)
            throws SQLException, IOException, StoreException {
        Set<String> tables = new LinkedHashSet<>(tablesInOrder(connection));
        for (String table : tables) {
            try (Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                count.next();
                if (count.getLong(1) > 0) {
                    throw new StoreException(description + " is not empty (table " + table + " has " + count.getLong(1)
                            + " rows): restore into a new data folder or an empty database", null);
                }
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        int schema = read(in, backup -> {
            int here = schemaVersion(connection);
            if (backup != here) {
                throw new StoreException("The backup has schema version " + backup + ", " + description + " has " + here
                        + ": restore with the version of Manabi that took the backup", null);
            }
        }, json -> readTable(connection, json, tables, counts));
        return new Summary(schema, counts);
    }

    /** What {@link #read} does with the schema version and with each table of a backup. */
    private interface Part<T> {
        void take(T part) throws IOException, SQLException, StoreException;
    }

    /**
     * Reads the frame of a backup document: the format and version, the schema version (handed to
     * {@code schema} before any table), each table object (handed to {@code table}, positioned on its
     * start), and the {@code complete} marker at the end.
     *
     * @return the schema version
     */
    private static int read(InputStream in, Part<Integer> schema, Part<JsonParser> table)
            throws IOException, SQLException, StoreException {
        int version = -1;
        boolean complete = false;
        try (JsonParser json = JSON.createParser(in)) {
            json.configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);
            expect(json.nextToken() == JsonToken.START_OBJECT, "it does not begin with a JSON object");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "format" -> expect(FORMAT.equals(json.getText()), "its format is " + json.getText());
                    case "version" -> expect(json.getIntValue() == VERSION,
                            "it is version " + json.getText() + " of the format; this Manabi reads version " + VERSION);
                    case "schema" -> {
                        version = json.getIntValue();
                        schema.take(version);
                    }
                    case "tables" -> {
                        expect(version >= 0, "the schema version does not come before the tables");
                        expect(json.currentToken() == JsonToken.START_ARRAY, "tables is not a list");
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            table.take(json);
                        }
                    }
                    case "complete" -> complete = json.getBooleanValue();
                    default -> json.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException("The file is no Manabi backup or is cut short: " + e.getOriginalMessage(), e);
        }
        expect(complete, "it ends before its last table is whole (a copy cut short?)");
        return version;
    }

    /**
     * Reads a backup through without a database: whether it is whole (the format, and {@code "complete"}
     * at its end) and how many rows each table has. For a backup that came over the wire, before it is
     * called done.
     *
     * @throws StoreException if it is no Manabi backup or is cut short; the message says which
     */
    public static Summary check(InputStream in) throws StoreException, IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try {
            int schema = read(in, version -> {
                // any version: a check reads no database
            }, json -> countRows(json, counts));
            return new Summary(schema, counts);
        } catch (SQLException e) {
            throw new StoreException("Cannot check the backup: " + e.getMessage(), e);
        }
    }

    /** The name and the number of rows of the table object that {@code json} is on, into {@code counts}. */
    private static void countRows(JsonParser json, Map<String, Integer> counts) throws IOException {
        String table = null;
        int rows = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            if (field.equals("name")) {
                table = json.getText();
            } else if (field.equals("rows")) {
                while (json.nextToken() == JsonToken.START_ARRAY) {
                    json.skipChildren();
                    rows++;
                }
            } else {
                json.skipChildren();
            }
        }
        counts.put(table, rows);
    }

    private static void readTable(Connection connection, JsonParser json, Set<String> tables,
            Map<String, Integer> counts) throws IOException, SQLException, StoreException {
        String table = null;
        List<String> columns = new ArrayList<>();
        int count = 0;
        PreparedStatement insert = null;
        int[] types = null;
        try {
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "name" -> {
                        table = json.getText();
                        expect(tables.contains(table), "it has a table " + table + " this database does not have");
                    }
                    case "columns" -> {
                        while (json.nextToken() == JsonToken.VALUE_STRING) {
                            columns.add(json.getText());
                        }
                    }
                    case "rows" -> {
                        expect(table != null && !columns.isEmpty(), "a table's rows come before its name and columns");
                        insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                                + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)");
                        types = columnTypes(connection, table, columns);
                        while (json.nextToken() == JsonToken.START_ARRAY) {
                            for (int i = 0; i < columns.size(); i++) {
                                json.nextToken();
                                bind(insert, i + 1, types[i], json, table + "." + columns.get(i));
                            }
                            expect(json.nextToken() == JsonToken.END_ARRAY, "a row of " + table + " has too many values");
                            insert.addBatch();
                            if (++count % 500 == 0) {
                                insert.executeBatch();
                            }
                        }
                        insert.executeBatch();
                    }
                    default -> json.skipChildren();
                }
            }
        } finally {
            if (insert != null) {
                insert.close();
            }
        }
        counts.put(table, count);
    }

    private static int[] columnTypes(Connection connection, String table, List<String> columns)
            throws SQLException, StoreException {
        try (Statement statement = connection.createStatement();
                ResultSet none = statement.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table
                        + " WHERE 1 = 0")) {
            ResultSetMetaData meta = none.getMetaData();
            int[] types = new int[columns.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = type(meta, i + 1);
            }
            return types;
        } catch (SQLException e) {
            throw new StoreException("The backup's columns of " + table + " do not match this database's: "
                    + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement insert, int index, int type, JsonParser json, String name)
            throws IOException, SQLException, StoreException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            insert.setNull(index, type);
            return;
        }
        expect(json.currentToken().isScalarValue(), "the value of " + name + " is not a single value");
        switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> insert.setLong(index, json.getLongValue());
            case Types.BOOLEAN, Types.BIT -> insert.setBoolean(index, json.getBooleanValue());
            case Types.NUMERIC, Types.DECIMAL -> insert.setBigDecimal(index, json.getDecimalValue());
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> insert.setDouble(index, json.getDoubleValue());
            case Types.TIMESTAMP_WITH_TIMEZONE -> insert.setObject(index, OffsetDateTime.parse(json.getText()));
            case Types.TIMESTAMP -> insert.setObject(index, LocalDateTime.parse(json.getText()));
            case Types.DATE -> insert.setObject(index, LocalDate.parse(json.getText()));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                insert.setBytes(index, Base64.getDecoder().decode(json.getText()));
            default -> insert.setString(index, json.getText());
        }
    }

    /**
     * The JDBC type of a column, with PostgreSQL's {@code timestamptz} told from a plain timestamp (its
     * driver reports both as {@link Types#TIMESTAMP}).
     */
    private static int type(ResultSetMetaData columns, int column) throws SQLException {
        int type = columns.getColumnType(column);
        String name = columns.getColumnTypeName(column).toLowerCase(Locale.ROOT);
        if (type == Types.TIMESTAMP && (name.equals("timestamptz") || name.contains("with time zone"))) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        }
        return type;
    }

    /** After rows with their own ids, the next generated id must come after the largest restored one. */
    private static void restartIdentities(Connection connection, Set<String> tables) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String table : tables) {
            List<String> identities = new ArrayList<>();
            try (ResultSet columns = meta.getColumns(connection.getCatalog(), connection.getSchema(), name(meta, table),
                    null)) {
                while (columns.next()) {
                    if ("YES".equals(columns.getString("IS_AUTOINCREMENT"))) {
                        identities.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            for (String column : identities) {
                long next;
                try (Statement statement = connection.createStatement();
                        ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table)) {
                    max.next();
                    next = max.getLong(1);
                }
                try (Statement statement = connection.createStatement()) {
                    // the same words for an identity column on H2 and on PostgreSQL
                    statement.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next);
                }
                connection.commit();
            }
        }
    }

    /** The tables of the connection's schema but the history, each after the tables it references. */
    static List<String> tablesInOrder(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, Set<String>> references = new LinkedHashMap<>();
        try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
                new String[] { "TABLE" })) {
            while (tables.next()) {
                String table = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.equals(HISTORY)) {
                    references.put(table, new LinkedHashSet<>());
                }
            }
        }
        for (Map.Entry<String, Set<String>> table : references.entrySet()) {
            try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(),
                    name(meta, table.getKey()))) {
                while (keys.next()) {
                    String referenced = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!referenced.equals(table.getKey())) {
                        table.getValue().add(referenced);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        List<String> remaining = new ArrayList<>(references.keySet());
        remaining.sort(null);
        while (!remaining.isEmpty()) {
            String next = remaining.stream().filter(t -> ordered.containsAll(references.get(t))
                    || !references.keySet().containsAll(references.get(t))).findFirst()
                    .orElseThrow(() -> new SQLException("the tables " + remaining + " reference each other in a cycle"));
            ordered.add(next);
            remaining.remove(next);
        }
        return ordered;
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<Short, String> columns = new java.util.TreeMap<>();
        try (ResultSet keys = meta.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), name(meta, table))) {
            while (keys.next()) {
                columns.put(keys.getShort("KEY_SEQ"), keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(columns.values());
    }

    /** A table name as the database's metadata stores it (H2 upper case, PostgreSQL lower case). */
    private static String name(DatabaseMetaData meta, String table) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    private static int schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("SELECT MAX(version) FROM " + HISTORY)) {
            version.next();
            return version.getInt(1);
        }
    }

    private static void expect(boolean condition, String problem) throws StoreException {
        if (!condition) {
            throw new StoreException("The file is no usable Manabi backup: " + problem, null);
        }
    }
}
