package org.manabi.store;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Requests for the passwords of protected documents, which the committee counts per fiscal year
 * (April to March, Japan time) in its yearly report.
 */
public final class DocumentRequests {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** One request as staff see it. */
    public record DocumentRequest(long id, String documentId, Requester requester, String purpose, Instant requestedAt) {

        /** The fiscal year (年度) of the request: April 2026 to March 2027 is 2026. */
        public int fiscalYear() {
            return fiscalYearOf(requestedAt);
        }
    }

    private static final String COLUMNS = "id, document_id, name, email, organization, language, purpose, requested_at";

    private final Database database;
    private final Clock clock;

    public DocumentRequests(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The fiscal year of a moment, in Japan time. */
    public static int fiscalYearOf(Instant moment) {
        LocalDate day = moment.atZone(JAPAN).toLocalDate();
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    public DocumentRequest record(String documentId, Requester requester, String purpose) throws StoreException {
        return record(documentId, requester, purpose, null);
    }

    /**
     * As {@link #record(String, Requester, String)}, and writes in the same transaction the receipt owed to
     * the requester ({@link OwedMails}).
     *
     * @param site the public address of the server the request came through; {@code null}: nobody is mailed
     */
    public DocumentRequest record(String documentId, Requester requester, String purpose, URI site)
            throws StoreException {
        Instant now = clock.instant();
        return database.inTransaction("record a password request", connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO document_request (document_id, name, "
                    + "email, organization, purpose, language, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    new String[] { "id" })) {
                insert.setString(1, documentId);
                insert.setString(2, requester.name());
                insert.setString(3, requester.email());
                insert.setString(4, requester.organization());
                insert.setString(5, purpose);
                insert.setString(6, requester.language());
                insert.setTimestamp(7, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if (site != null) {
                OwedMails.record(connection, OwedMails.Kind.DOCUMENT_REQUEST, id, site, now);
            }
            connection.commit();
            return new DocumentRequest(id, documentId, requester, purpose, now);
        });
    }

    /** The request with this number, or empty. */
    public Optional<DocumentRequest> find(long id) throws StoreException {
        return database.inTransaction("read a password request", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM document_request WHERE id = ?")) {
                query.setLong(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    Optional<DocumentRequest> found = rows.next() ? Optional.of(read(rows)) : Optional.empty();
                    connection.commit();
                    return found;
                }
            }
        });
    }

    /** The latest {@code limit} requests, newest first. */
    public List<DocumentRequest> recent(int limit) throws StoreException {
        return database.inTransaction("read password requests", connection -> {
            List<DocumentRequest> requests = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM document_request ORDER BY id DESC")) {
                query.setMaxRows(limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        requests.add(read(rows));
                    }
                }
            }
            connection.commit();
            return requests;
        });
    }

    private static DocumentRequest read(ResultSet rows) throws SQLException {
        return new DocumentRequest(rows.getLong(1), rows.getString(2), new Requester(rows.getString(3),
                rows.getString(4), rows.getString(5), rows.getString(6)), rows.getString(7),
                rows.getTimestamp(8).toInstant());
    }

    /** How many requests each fiscal year had, per document: fiscal year → document id → count. */
    public Map<Integer, Map<String, Integer>> countsPerFiscalYear() throws StoreException {
        return database.inTransaction("count password requests", connection -> {
            Map<Integer, Map<String, Integer>> counts = new TreeMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT document_id, requested_at FROM document_request");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.computeIfAbsent(fiscalYearOf(rows.getTimestamp(2).toInstant()), year -> new TreeMap<>())
                            .merge(rows.getString(1), 1, Integer::sum);
                }
            }
            connection.commit();
            return counts;
        });
    }
}
