package org.manabi.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.manabi.store.Applicant;
import org.manabi.store.Certificates;
import org.manabi.store.Database;
import org.manabi.store.DocumentRequests;
import org.manabi.store.Pool;
import org.manabi.store.QuizAttempt;
import org.manabi.store.QuizAttempts;
import org.manabi.store.Registration;
import org.manabi.store.Registrations;
import org.manabi.store.Requester;
import org.manabi.store.Retention;
import org.manabi.store.ViewingId;
import org.manabi.store.ViewingIds;

/**
 * Retention: the registrations of seminars five full fiscal years past lose who they were and keep
 * what the annual report counts; younger ones are untouched.
 */
class RetentionTest {

    /** 21 November 2026: fiscal year 2026. Five full fiscal years after FY2020 (2021 to 2025) have passed. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-21T03:00:00Z"), ZoneOffset.UTC);
    private static final Map<String, Integer> FISCAL_YEARS = Map.of("fy2020-dicom", 2020, "fy2021-pacs", 2021);

    static Stream<Named<TestDatabases.Kind>> databases() {
        return TestDatabases.both();
    }

    private static Applicant person(int number, boolean member) {
        return new Applicant("受講者 " + number, "じゅこうしゃ", "person" + number + "@example.jp", "株式会社テスト" + number,
                member, member ? "JIRA" : null, member ? 5000 : 8000, Map.of("q1", "自由記述 " + number), "ja");
    }

    /** The figures of a seminar the annual report uses: per pool and status, members, fees, check-ins. */
    private static List<String> figures(Database database, String seminar) throws Exception {
        List<String> figures = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT pool, status, member, member_body, "
                        + "COUNT(*), SUM(fee_yen), COUNT(checked_in_at), MIN(created_at) FROM registration "
                        + "WHERE seminar_id = ? GROUP BY pool, status, member, member_body ORDER BY pool, status, member")) {
            query.setString(1, seminar);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    figures.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getBoolean(3) + " "
                            + rows.getString(4) + " " + rows.getLong(5) + " " + rows.getLong(6) + " " + rows.getLong(7)
                            + " " + rows.getTimestamp(8).toInstant());
                }
            }
            connection.rollback();
        }
        return figures;
    }

    private static List<String> personalData(Database database, String seminar) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT name, kana, email, email_key, organization, "
                        + "answers, checked_in_by FROM registration WHERE seminar_id = ?")) {
            query.setString(1, seminar);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    for (int column = 1; column <= 7; column++) {
                        values.add(rows.getString(column));
                    }
                }
            }
            connection.rollback();
        }
        return values;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void fiveFullFiscalYearsLaterTheNamesGoAndTheFiguresStay(TestDatabases.Kind kind) throws Exception {
        try (kind; Database database = kind.open()) {
            // registered when those seminars ran
            Registrations then = new Registrations(database, (seminar, pool) -> 3,
                    Clock.fixed(Instant.parse("2020-06-01T01:00:00Z"), ZoneOffset.UTC));
            List<Registration> old = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                old.add(then.register("fy2020-dicom", i < 4 ? Pool.ONSITE : Pool.WEB, person(i, i % 2 == 0)).registration());
            }
            then.checkIn(old.get(0).token(), "staff@example.jp");
            ViewingId issued = new ViewingIds(database, Clock.fixed(Instant.parse("2020-06-01T01:00:00Z"), ZoneOffset.UTC))
                    .issueFor(old.get(2));
            then.cancel(old.get(1).token());
            Registration kept = then.register("fy2021-pacs", Pool.ONSITE, person(10, true)).registration();
            // a seminar the curricula no longer list: its registrations' own dates count (FY2020)
            Registration orphan = then.register("gone-seminar", Pool.WEB, person(20, false)).registration();
            List<String> figuresBefore = figures(database, "fy2020-dicom");
            List<String> pacsBefore = personalData(database, "fy2021-pacs");

            Retention retention = new Retention(database, TODAY);
            List<Retention.Expired> due = retention.expired(Retention.DEFAULT_YEARS, FISCAL_YEARS);

            assertEquals(List.of(new Retention.Expired("fy2020-dicom", 2020, 5, 0), new Retention.Expired("gone-seminar", 2020, 1, 0)),
                    due);
            assertEquals(6, retention.anonymise(due));

            assertEquals(figuresBefore, figures(database, "fy2020-dicom"), "the report's figures");
            for (String seminar : List.of("fy2020-dicom", "gone-seminar")) {
                for (String value : personalData(database, seminar)) {
                    assertTrue(value == null || value.isEmpty() || value.equals("{}"), seminar + " still holds " + value);
                }
            }
            Registrations now = new Registrations(database, (seminar, pool) -> 3, TODAY);
            for (Registration registration : old) {
                assertFalse(now.find(registration.token()).isPresent(), "the old personal link leads nowhere");
            }
            assertFalse(now.find(orphan.token()).isPresent());
            ViewingIds ids = new ViewingIds(database, TODAY);
            assertTrue(ids.find(issued.code()).isEmpty(), "the registration's viewing ID leads nowhere either: "
                    + "it opened the registration's quiz attempts");
            assertFalse(ids.byId(issued.id()).orElseThrow().code().equals(issued.code()), "a new random code");
            assertNotNull(now.find(kept.token()).orElseThrow(), "FY2021 has one more year to go");
            assertEquals(pacsBefore, personalData(database, "fy2021-pacs"));
            assertEquals(List.of(), retention.expired(Retention.DEFAULT_YEARS, FISCAL_YEARS), "done once");

            // a shorter period reaches the younger seminar too
            assertEquals(List.of(new Retention.Expired("fy2021-pacs", 2021, 1, 0)), retention.expired(4, FISCAL_YEARS));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void viewersWhoDidNotRegisterAndDocumentRequestsGoByTheSameRule(TestDatabases.Kind kind) throws Exception {
        try (kind; Database database = kind.open()) {
            Clock then = Clock.fixed(Instant.parse("2020-06-01T01:00:00Z"), ZoneOffset.UTC);
            Clock later = Clock.fixed(Instant.parse("2022-06-01T01:00:00Z"), ZoneOffset.UTC);
            Requester viewer = new Requester("視聴者 一郎", "viewer@example.jp", "株式会社視聴", "ja");
            ViewingId old = new ViewingIds(database, then).request("fy2020-vod", viewer, true, null);
            new Certificates(database, then).issue("fy2020-vod", Certificates.ofViewingId(old.id()), "視聴者 一郎", 2.0);
            ViewingId young = new ViewingIds(database, later).request("fy2022-vod", viewer, true, null);
            ViewingId waiting = new ViewingIds(database, then).request("fy2020-vod", viewer, false, null);
            QuizAttempts attempts = new QuizAttempts(database, then);
            QuizAttempt attempt = attempts.start(QuizAttempts.ofViewingId(old.id()), "fy2020-vod", "fy2020-vod-quiz", 0,
                    null, () -> "q1");
            attempts.submit(attempt.id(), Map.of("q1", "DICOM"), 1, (item, response) -> new QuizAttempts.Grade(1, "right"));
            new DocumentRequests(database, then).record("mds-template", viewer, "自社の開示書の作成のため");
            new DocumentRequests(database, later).record("mds-template", viewer, "改訂版の確認");

            Retention retention = new Retention(database, TODAY);
            List<Retention.Expired> due = retention.expired(Retention.DEFAULT_YEARS, Map.of("fy2020-vod", 2020));
            assertEquals(List.of(new Retention.Expired("fy2020-vod", 2020, 0, 2)), due);
            assertEquals(1, retention.documentRequestsDue(Retention.DEFAULT_YEARS));
            assertEquals(2, retention.anonymise(due), "the issued ID and the request never decided");
            assertEquals(1, retention.anonymiseDocumentRequests(Retention.DEFAULT_YEARS));

            ViewingIds ids = new ViewingIds(database, TODAY);
            assertEquals("", ids.byId(old.id()).orElseThrow().email(), "the old viewer's address is gone");
            assertEquals("", ids.byId(old.id()).orElseThrow().name());
            assertEquals("viewer@example.jp", ids.byId(young.id()).orElseThrow().email(), "FY2022 is kept");
            assertTrue(ids.find(old.code()).isEmpty(), "the old code opens neither the videos nor the quiz attempts");
            assertEquals(young.code(), ids.find(young.code()).orElseThrow().code());
            assertEquals(null, ids.byId(waiting.id()).orElseThrow().code(), "a request never issued gets no code");
            List<QuizAttempt> kept = new QuizAttempts(database, TODAY).of(QuizAttempts.ofViewingId(old.id()),
                    "fy2020-vod-quiz");
            assertEquals(1.0, kept.get(0).points(), "the attempt stays for the figures, tied to no one, as a registrant's");
            try (Connection connection = database.dataSource().getConnection();
                    PreparedStatement query = connection.prepareStatement("SELECT name FROM certificate");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                assertEquals("", rows.getString(1), "the name on the old viewer's certificate is gone");
                connection.rollback();
            }
            DocumentRequests requests = new DocumentRequests(database, TODAY);
            assertEquals(Map.of(2020, Map.of("mds-template", 1), 2022, Map.of("mds-template", 1)),
                    requests.countsPerFiscalYear(), "the counts per fiscal year stay");
            assertEquals(List.of("viewer@example.jp", ""), requests.recent(10).stream()
                    .map(request -> request.requester().email()).toList(), "newest first: only FY2020 lost its name");
            assertEquals(0, retention.documentRequestsDue(Retention.DEFAULT_YEARS), "done once");
            assertEquals(List.of(), retention.expired(Retention.DEFAULT_YEARS, Map.of("fy2020-vod", 2020)), "done once");
        }
    }

    @Test
    void theFiscalYearRunsFromAprilToMarch() {
        assertEquals(2026, Retention.fiscalYear(LocalDate.of(2027, 3, 31)));
        assertEquals(2027, Retention.fiscalYear(LocalDate.of(2027, 4, 1)));
    }
}
