package org.manabi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How long the personal data of participants is kept: by default until five full fiscal years
 * (April to March) have passed after the fiscal year of the seminar; then it is anonymised.
 * <p>
 * Anonymising keeps every row with what the annual report counts — seminar, pool, status, member or
 * not (and of which body), fee, language, when it was made, whether and when the person was checked
 * in — and removes who it was: name, reading, email, organisation, questionnaire answers, the staff
 * member who checked them in, and the personal token (replaced by a new random one, so the old link
 * leads nowhere); a correction request's new values, the name and address of a viewing ID issued to the
 * registration and the name on its certificates go too, and the ID's code is replaced as the token is. So
 * do the viewing IDs asked for without registering (name, address, organisation, the name on their
 * certificates, and the code), and the requests for document passwords
 * of a fiscal year as old (who asked and why; the counts per fiscal year stay). The mails still owed
 * about any of these ({@link OwedMails}) are dropped. Receipts stay whole: tax law
 * keeps them for seven years. A deletion request granted by staff ({@link PersonalDataRequests}) anonymises its registration
 * the same way. Under Japan's APPI, personal data is to be erased once it is no longer needed for its
 * purpose; the figures are not personal data.
 */
public final class Retention {

    /** The committee's fiscal year starts in April, in Japan. */
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    public static final int DEFAULT_YEARS = 5;

    /**
     * One seminar whose participants' data is due: its fiscal year, and how many registrations and viewing
     * IDs asked for without registering still hold personal data.
     */
    public record Expired(String seminarId, int fiscalYear, int registrations, int viewingIds) {
    }

    private final Database database;
    private final Clock clock;

    public Retention(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The fiscal year (April to March) of {@code date}: 2027-03-31 is in 2026. */
    public static int fiscalYear(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    /**
     * The seminars whose registrations are due for anonymising today: those of a fiscal year followed
     * by {@code years} full fiscal years before the current one.
     *
     * @param fiscalYears the fiscal year of each seminar the curricula know; a seminar not (or no longer) in
     *                    them counts in the fiscal year of its first registration
     */
    public List<Expired> expired(int years, Map<String, Integer> fiscalYears) throws StoreException {
        int current = currentFiscalYear(years);
        return database.inTransaction("find the registrations due for anonymising", connection -> {
            List<Expired> due = new ArrayList<>();
            // the people of a seminar: its registrations, and the viewing IDs of people who did not register
            try (PreparedStatement query = connection.prepareStatement("SELECT seminar_id, MIN(since), SUM(r), SUM(v) "
                    + "FROM (SELECT seminar_id, created_at AS since, 1 AS r, 0 AS v FROM registration "
                    + "WHERE anonymised_at IS NULL UNION ALL SELECT seminar_id, requested_at, 0, 1 FROM viewing_id "
                    + "WHERE registration_id IS NULL AND email <> '') people GROUP BY seminar_id ORDER BY seminar_id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String seminar = rows.getString(1);
                    Integer fiscalYear = fiscalYears.get(seminar);
                    if (fiscalYear == null) {
                        fiscalYear = fiscalYear(rows.getTimestamp(2).toInstant().atZone(TOKYO).toLocalDate());
                    }
                    if (fiscalYear + years < current) {
                        due.add(new Expired(seminar, fiscalYear, rows.getInt(3), rows.getInt(4)));
                    }
                }
            }
            connection.commit();
            return due;
        });
    }

    /**
     * Anonymises the registrations of {@code seminars} and the viewing IDs asked for without registering, in
     * one transaction; returns how many of both.
     */
    public int anonymise(List<Expired> seminars) throws StoreException {
        Timestamp now = Timestamp.from(clock.instant());
        return database.inTransaction("anonymise registrations", connection -> {
            int done = 0;
            for (Expired seminar : seminars) {
                done += anonymise(connection, seminar.seminarId(), now);
                done += anonymiseViewers(connection, seminar.seminarId());
            }
            connection.commit();
            return done;
        });
    }

    /**
     * The requests for document passwords made in a fiscal year followed by {@code years} full fiscal years
     * before the current one that still name who asked.
     */
    public int documentRequestsDue(int years) throws StoreException {
        return database.inTransaction("count the document requests due for anonymising", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT COUNT(*) FROM document_request WHERE requested_at < ? AND email <> ''")) {
                query.setTimestamp(1, documentCutoff(years));
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    int count = rows.getInt(1);
                    connection.commit();
                    return count;
                }
            }
        });
    }

    /**
     * Removes who asked for a document's password, and why, from the requests {@link #documentRequestsDue}
     * counts; the rows stay, so the counts per document and fiscal year do. Returns how many.
     */
    public int anonymiseDocumentRequests(int years) throws StoreException {
        return database.inTransaction("anonymise document requests", connection -> {
            // the receipt of such a request not sent yet would carry who asked
            OwedMails.forget(connection, OwedMails.About.DOCUMENT_REQUEST, "requested_at < ? AND email <> ''",
                    documentCutoff(years));
            try (PreparedStatement update = connection.prepareStatement("UPDATE document_request SET name = '', "
                    + "email = '', organization = '', purpose = '' WHERE requested_at < ? AND email <> ''")) {
                update.setTimestamp(1, documentCutoff(years));
                int done = update.executeUpdate();
                connection.commit();
                return done;
            }
        });
    }

    /** The start (Tokyo) of the oldest fiscal year still kept: April 1 of the current one minus {@code years}. */
    private Timestamp documentCutoff(int years) {
        return Timestamp.from(LocalDate.of(currentFiscalYear(years) - years, 4, 1).atStartOfDay(TOKYO).toInstant());
    }

    /** Today's fiscal year (Tokyo), once {@code years} is checked to keep something. */
    private int currentFiscalYear(int years) {
        if (years < 1) {
            throw new IllegalArgumentException("a retention of " + years + " years keeps nothing; at least 1");
        }
        return fiscalYear(LocalDate.now(clock.withZone(TOKYO)));
    }

    /** The viewing IDs of a seminar asked for without registering, each as {@link #anonymiseViewer} does. */
    private static int anonymiseViewers(Connection connection, String seminar) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM viewing_id WHERE seminar_id = ? AND registration_id IS NULL AND email <> ''")) {
            query.setString(1, seminar);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        for (long id : ids) {
            anonymiseViewer(connection, id);
        }
        return ids.size();
    }

    /**
     * Anonymises a viewing ID asked for without registering, at the end of retention or when its holder
     * asked for deletion; in the caller's transaction: the name, address and organisation, the name on its
     * certificates, a correction request's new values, and the code, replaced by a new random one as a
     * registration's token is (the old one opened the videos and the holder's quiz attempts, and leads
     * nowhere now). What was watched and the attempts stay, tied to no one, for the figures.
     */
    static void anonymiseViewer(Connection connection, long viewingId) throws SQLException {
        try (PreparedStatement viewer = connection.prepareStatement(
                "UPDATE viewing_id SET name = '', email = '', organization = '' WHERE id = ?");
                PreparedStatement certificates = connection.prepareStatement(
                        "UPDATE certificate SET name = '' WHERE holder = ?");
                PreparedStatement requests = connection.prepareStatement(
                        "UPDATE personal_data_request SET details = '{}' WHERE viewing_id = ?")) {
            OwedMails.forget(connection, OwedMails.About.VIEWING_ID, "id = ?", viewingId);
            OwedMails.forget(connection, OwedMails.About.PERSONAL_DATA_REQUEST, "viewing_id = ?", viewingId);
            viewer.setLong(1, viewingId);
            viewer.executeUpdate();
            certificates.setString(1, Certificates.ofViewingId(viewingId));
            certificates.executeUpdate();
            requests.setLong(1, viewingId);
            requests.executeUpdate();
        }
        replaceCode(connection, "id = ?", viewingId);
    }

    /**
     * Gives the issued viewing ID found by {@code where} a new random code: whoever kept the old one can
     * no longer open the videos or the quiz attempts behind it. A request never issued has no code to replace.
     */
    private static void replaceCode(Connection connection, String where, long key) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE viewing_id SET code = ? WHERE " + where + " AND code IS NOT NULL")) {
            update.setString(1, Tokens.code(ViewingIds.CODE_GROUPS));
            update.setLong(2, key);
            update.executeUpdate();
        }
    }

    /**
     * Anonymises one registration, as retention does, when its participant asked for deletion; in the
     * caller's transaction. Returns {@code false} when it had been anonymised already.
     */
    static boolean anonymise(Connection connection, long registrationId, Timestamp now) throws SQLException {
        return anonymise(connection, "id = ?", registrationId, now) == 1;
    }

    private static int anonymise(Connection connection, String seminar, Timestamp now) throws SQLException {
        return anonymise(connection, "seminar_id = ?", seminar, now);
    }

    /** The one way personal data is removed, for retention and for deletion requests alike. */
    private static int anonymise(Connection connection, String where, Object key, Timestamp now)
            throws SQLException {
        String chosen = where + " AND anonymised_at IS NULL";
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM registration WHERE " + chosen)) {
            query.setObject(1, key);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        // a mail not sent yet would carry data that is no longer kept: about the registrations, their
        // viewing IDs, their personal-data requests (one statement each, before anonymised_at is set)
        String ofThem = "registration_id IN (SELECT id FROM registration WHERE " + chosen + ")";
        OwedMails.forget(connection, OwedMails.About.REGISTRATION, chosen, key);
        OwedMails.forget(connection, OwedMails.About.VIEWING_ID, ofThem, key);
        OwedMails.forget(connection, OwedMails.About.PERSONAL_DATA_REQUEST, ofThem, key);
        try (PreparedStatement update = connection.prepareStatement("UPDATE registration SET name = '', kana = '', "
                + "email = '', email_key = '', organization = '', answers = '{}', checked_in_by = NULL, token = ?, "
                + "anonymised_at = ? WHERE id = ?");
                // a correction request holds the new name and address: personal data too
                PreparedStatement requests = connection.prepareStatement(
                        "UPDATE personal_data_request SET details = '{}' WHERE registration_id = ?");
                // so do the viewing ID issued to the registration and its certificates (by its key or the ID's)
                PreparedStatement viewing = connection.prepareStatement(
                        "UPDATE viewing_id SET name = '', email = '', organization = '' WHERE registration_id = ?");
                PreparedStatement certificates = connection.prepareStatement("UPDATE certificate SET name = '' "
                        + "WHERE holder = ? OR holder IN (SELECT CONCAT('viewing:', CAST(id AS VARCHAR(20))) "
                        + "FROM viewing_id WHERE registration_id = ?)")) {
            for (long id : ids) {
                update.setString(1, Tokens.random(24));
                update.setTimestamp(2, now);
                update.setLong(3, id);
                update.addBatch();
                requests.setLong(1, id);
                requests.addBatch();
                viewing.setLong(1, id);
                viewing.addBatch();
                certificates.setString(1, Certificates.ofRegistration(id));
                certificates.setLong(2, id);
                certificates.addBatch();
            }
            update.executeBatch();
            requests.executeBatch();
            viewing.executeBatch();
            certificates.executeBatch();
        }
        for (long id : ids) {
            // the ID took the quiz as the registration: its old code would open the registration's attempts
            replaceCode(connection, "registration_id = ?", id);
        }
        return ids.size();
    }
}
