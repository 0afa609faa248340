package org.manabi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Receipts for paid registrations. Recording a payment issues the receipt at once, under the next
 * number: the transaction first takes the lock of the single counter row, held until commit, and
 * then numbers the receipt one above the highest, so numbers follow one another without gaps
 * across every node on one database, and a registration that already has a receipt gets that one
 * back (its transaction is rolled back, and with it the advance of the counter).
 */
public final class Receipts {

    /** The standard consumption-tax rate, which seminar fees bear. */
    public static final int STANDARD_RATE_PERCENT = 10;
    private static final String COLUMNS = "receipt_number, registration_id, seminar_id, addressee, description, amount_yen, "
            + "tax_rate_percent, tax_yen, issued_at, issued_by";

    private final Database database;
    private final Clock clock;

    public Receipts(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The consumption tax contained in a tax-included amount, rounded down (once per receipt, as the invoice rules allow). */
    public static int taxIncluded(int amountYen, int ratePercent) {
        return (int) ((long) amountYen * ratePercent / (100 + ratePercent));
    }

    /**
     * Records that {@code registration} paid its fee and issues its receipt, or returns the receipt it
     * already has.
     *
     * @throws IllegalArgumentException when the registration has no fee to pay
     */
    public Receipt issue(Registration registration, String description, String staff) throws StoreException {
        int amount = registration.applicant().feeYen();
        if (amount <= 0) {
            throw new IllegalArgumentException("registration " + registration.id() + " has no fee to receipt");
        }
        Applicant who = registration.applicant();
        String addressee = who.organization().isBlank() ? who.name() : who.organization() + " " + who.name();
        for (int tries = 1;; tries++) {
            try {
                return issueOnce(registration, description, staff, amount, addressee);
            } catch (StoreException e) {
                // Two transactions met on a key: the very first receipts, when one made the counter
                // row; or, seen on H2 under a burst from two connections, two that got past the
                // counter's lock together. The primary keys refuse the second, whose transaction is
                // rolled back, and its retry reads the receipts anew, so the numbers keep no gaps.
                if (tries >= MAX_TRIES || !(e.getCause() instanceof SQLException sql) || !isConflict(sql)) {
                    throw e;
                }
            }
        }
    }

    private static final int MAX_TRIES = 10;

    /** A unique key refused the row (23xxx) or the database asked for a retry (40xxx). */
    private static boolean isConflict(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || state.startsWith("40"));
    }

    private Receipt issueOnce(Registration registration, String description, String staff, int amount,
            String addressee) throws StoreException {
        return database.inTransaction("issue a receipt", connection -> {
            long number;
            try (PreparedStatement advance = connection.prepareStatement(
                    "UPDATE receipt_counter SET last_number = last_number + 1 WHERE id = 1")) {
                if (advance.executeUpdate() == 0) {
                    try (PreparedStatement first = connection.prepareStatement(
                            "INSERT INTO receipt_counter (id, last_number) VALUES (1, 1)")) {
                        first.executeUpdate();
                    }
                }
            }
            // read after taking the lock: a receipt committed meanwhile for this registration is seen
            Optional<Receipt> had = one(connection, "registration_id = ?", registration.id());
            if (had.isPresent()) {
                connection.rollback();
                return had.get();
            }
            // The next number comes from the receipts themselves, not from the counter's value: H2's
            // MVStore has been seen to hand two transactions the same counter value under a burst, and
            // a rolled-back loser can leave the counter behind the receipts, which then failed every
            // retry. The highest committed receipt, read while holding the counter's lock, cannot lag.
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT COALESCE(MAX(receipt_number), 0) + 1 FROM receipt");
                    ResultSet rows = read.executeQuery()) {
                rows.next();
                number = rows.getLong(1);
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "UPDATE receipt_counter SET last_number = ? WHERE id = 1")) {
                record.setLong(1, number);
                record.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO receipt (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, number);
                insert.setLong(2, registration.id());
                insert.setString(3, registration.seminarId());
                insert.setString(4, addressee);
                insert.setString(5, description);
                insert.setInt(6, amount);
                insert.setInt(7, STANDARD_RATE_PERCENT);
                insert.setInt(8, taxIncluded(amount, STANDARD_RATE_PERCENT));
                insert.setTimestamp(9, Timestamp.from(clock.instant()));
                insert.setString(10, staff);
                insert.executeUpdate();
            }
            Receipt issued = one(connection, "receipt_number = ?", number).orElseThrow();
            connection.commit();
            return issued;
        });
    }

    /** The receipt of a registration, if its payment was recorded. */
    public Optional<Receipt> ofRegistration(long registrationId) throws StoreException {
        return database.inTransaction("read a receipt", connection -> {
            Optional<Receipt> found = one(connection, "registration_id = ?", registrationId);
            connection.commit();
            return found;
        });
    }

    /** Every receipt, by number. */
    public List<Receipt> all() throws StoreException {
        return database.inTransaction("read the receipts", connection -> {
            List<Receipt> all = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM receipt ORDER BY receipt_number");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    all.add(read(rows));
                }
            }
            connection.commit();
            return all;
        });
    }

    private static Optional<Receipt> one(Connection connection, String where, long key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM receipt WHERE " + where)) {
            query.setLong(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static Receipt read(ResultSet rows) throws SQLException {
        return new Receipt(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4), rows.getString(5),
                rows.getInt(6), rows.getInt(7), rows.getInt(8), rows.getTimestamp(9).toInstant(), rows.getString(10));
    }
}
