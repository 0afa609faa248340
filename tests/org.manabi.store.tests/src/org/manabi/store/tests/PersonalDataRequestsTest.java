package org.manabi.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.manabi.store.Applicant;
import org.manabi.store.Certificates;
import org.manabi.store.Database;
import org.manabi.store.PersonalDataRequests;
import org.manabi.store.PersonalDataRequests.Kind;
import org.manabi.store.PersonalDataRequests.Request;
import org.manabi.store.PersonalDataRequests.Status;
import org.manabi.store.Pool;
import org.manabi.store.QuizAttempts;
import org.manabi.store.Registration;
import org.manabi.store.Registrations;
import org.manabi.store.StoreException;
import org.manabi.store.ViewingId;
import org.manabi.store.ViewingIds;

/**
 * Personal-data requests on H2 and PostgreSQL: stored once per open kind, settled once, and granting
 * each kind does what the participant asked to their registration and to no other.
 */
class PersonalDataRequestsTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-21T03:00:00Z"), ZoneOffset.UTC);

    static Stream<Named<TestDatabases.Kind>> databases() {
        return TestDatabases.both();
    }

    /** A registration of {@code name} as the registration form makes it. */
    private static Registration register(Registrations registrations, String seminar, Pool pool, String name,
            String email) throws StoreException {
        return registrations.register(seminar, pool, new Applicant(name, "かな", email, "株式会社テスト", true, null, 5000,
                Map.of("q1", "自由記述 of " + name), "ja")).registration();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCorrectionIsStoredOnceAndAppliedWhenGranted(TestDatabases.Kind kind) throws Exception {
        try (kind; Database database = kind.open()) {
            Registrations registrations = new Registrations(database, (seminar, pool) -> 10, NOW);
            Registration mine = register(registrations, "dicom", Pool.ONSITE, "青木 太郎", "aoki@example.jp");
            Registration other = register(registrations, "pacs", Pool.WEB, "青木 太郎", "aoki@example.jp");
            PersonalDataRequests requests = new PersonalDataRequests(database, NOW);

            Request asked = requests.ask(mine.id(), Kind.CORRECTION,
                    Map.of("name", "青木 次郎", "email", "ＪＩＲＯ@Example.jp"), "名前の誤記");
            Request again = requests.ask(mine.id(), Kind.CORRECTION, Map.of("name", "別"), "again");
            assertEquals(asked, again, "an open request of the same kind is the same request");
            assertEquals(Status.OPEN, asked.status());
            assertEquals("dicom", asked.seminarId());
            assertEquals(List.of(asked), requests.list(true, 100));
            assertEquals(List.of(), requests.list(false, 100));

            Request settled = requests.settle(asked.id(), true, "admin@example.jp", "訂正しました").orElseThrow();
            assertEquals(Status.GRANTED, settled.status());
            assertEquals("admin@example.jp", settled.settledBy());
            assertEquals(NOW.instant(), settled.settledAt());
            Applicant corrected = registrations.find(mine.token()).orElseThrow().applicant();
            assertEquals("青木 次郎", corrected.name());
            assertEquals("ＪＩＲＯ@Example.jp", corrected.email());
            assertEquals("jiro@example.jp", corrected.emailKey());
            assertEquals("株式会社テスト", corrected.organization(), "what was not asked stays");
            assertEquals("青木 太郎", registrations.find(other.token()).orElseThrow().applicant().name(),
                    "another registration of the same address is not this link's to change");
            assertThrows(StoreException.class, () -> requests.settle(asked.id(), false, "x@example.jp", null),
                    "settled once");
            assertTrue(requests.settle(999_999, true, "admin@example.jp", null).isEmpty());
            assertEquals(List.of(settled), requests.list(false, 100));
            assertThrows(IllegalArgumentException.class,
                    () -> requests.ask(mine.id(), Kind.CORRECTION, Map.of("fee_yen", "0"), "cheaper"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDisclosureHoldsEveryTableOfTheRegistrationAndNoOther(TestDatabases.Kind kind) throws Exception {
        try (kind; Database database = kind.open()) {
            Registrations registrations = new Registrations(database, (seminar, pool) -> 10, NOW);
            Registration mine = register(registrations, "dicom", Pool.ONSITE, "青木 太郎", "aoki@example.jp");
            Registration someone = register(registrations, "dicom", Pool.ONSITE, "馬場 花子", "baba@example.jp");
            QuizAttempts attempts = new QuizAttempts(database, NOW);
            long attempt = attempts.start(QuizAttempts.ofRegistration(mine.id()), "dicom", "dicom-quiz", 1, null,
                    () -> "order").id();
            attempts.save(attempt, Map.of("q1", "c2"));
            attempts.start(QuizAttempts.ofRegistration(someone.id()), "dicom", "dicom-quiz", 1, null, () -> "order");
            PersonalDataRequests requests = new PersonalDataRequests(database, NOW);
            requests.ask(mine.id(), Kind.DISCLOSURE, Map.of(), "");

            Map<String, List<Map<String, Object>>> data = requests.disclosure(mine.id());

            assertEquals(List.of("registration", "quiz_attempt", "quiz_answer", "live_answer", "viewing_id", "viewing_progress",
                    "certificate", "receipt", "personal_data_request", "registration_notice"),
                    List.copyOf(data.keySet()));
            Map<String, Object> registration = data.get("registration").get(0);
            assertEquals(1, data.get("registration").size());
            assertEquals("青木 太郎", registration.get("name"));
            assertEquals("aoki@example.jp", registration.get("email"));
            assertEquals("{\"q1\":\"自由記述 of 青木 太郎\"}", registration.get("answers"));
            assertEquals(NOW.instant().toString(), registration.get("created_at"), "times in one form on both databases");
            assertEquals(1, data.get("quiz_attempt").size());
            assertEquals("c2", data.get("quiz_answer").get(0).get("response"));
            assertEquals(1, data.get("personal_data_request").size());
            assertFalse(data.toString().contains("馬場"), "nothing of another participant");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deletionAnonymisesLikeRetentionAndSuspensionStopsUse(TestDatabases.Kind kind) throws Exception {
        try (kind; Database database = kind.open()) {
            Registrations registrations = new Registrations(database, (seminar, pool) -> 10, NOW);
            Registration leaving = register(registrations, "dicom", Pool.ONSITE, "青木 太郎", "aoki@example.jp");
            Registration pausing = register(registrations, "dicom", Pool.WEB, "馬場 花子", "baba@example.jp");
            ViewingId viewing = new ViewingIds(database, NOW).issueFor(leaving);
            Certificates certificates = new Certificates(database, NOW);
            certificates.issue("dicom", Certificates.ofRegistration(leaving.id()), "青木 太郎", 3.0);
            certificates.issue("dicom", Certificates.ofViewingId(viewing.id()), "青木 太郎", 2.0);
            PersonalDataRequests requests = new PersonalDataRequests(database, NOW);
            Map<String, List<Map<String, Object>>> held = requests.disclosure(leaving.id());
            assertEquals("青木 太郎", held.get("viewing_id").get(0).get("name"));
            assertEquals(2, held.get("certificate").size(), "the registration's and its viewing ID's");
            Request correction = requests.ask(leaving.id(), Kind.CORRECTION, Map.of("name", "青木 次郎"), "誤記");
            Request deletion = requests.ask(leaving.id(), Kind.DELETION, Map.of(), "もう参加しません");
            Request suspension = requests.ask(pausing.id(), Kind.SUSPENSION, Map.of(), "メール不要");
            Request refused = requests.ask(pausing.id(), Kind.DELETION, Map.of(), "");

            requests.settle(deletion.id(), true, "admin@example.jp", null);
            requests.settle(suspension.id(), true, "admin@example.jp", null);
            requests.settle(refused.id(), false, "admin@example.jp", "受講料の領収のため保存が必要です");

            assertTrue(registrations.find(leaving.token()).isEmpty(), "the old link leads nowhere");
            Registration anonymised = registrations.ofSeminar("dicom").stream().filter(r -> r.id() == leaving.id())
                    .findFirst().orElseThrow();
            assertEquals("", anonymised.applicant().name());
            assertEquals("", anonymised.applicant().email());
            assertEquals(Map.of(), anonymised.applicant().answers());
            assertEquals(2, registrations.countsOf("dicom").values().stream()
                    .mapToInt(c -> c.confirmed() + c.waiting()).sum(), "the counts stay");
            assertEquals(Map.of(), requests.find(correction.id()).orElseThrow().details(),
                    "the asked new name went with the rest");
            assertThrows(StoreException.class, () -> requests.ask(leaving.id(), Kind.DISCLOSURE, Map.of(), ""));
            assertFalse(requests.disclosure(leaving.id()).toString().contains("青木"),
                    "nothing of the person is left in any table: " + requests.disclosure(leaving.id()));
            assertEquals("", new ViewingIds(database, NOW).byId(viewing.id()).orElseThrow().email());

            assertTrue(requests.suspended(pausing.id()));
            assertFalse(requests.suspended(leaving.id()));
            assertEquals(Set.of(pausing.id()), requests.suspendedIn("dicom"));
            assertEquals("馬場 花子", registrations.find(pausing.token()).orElseThrow().applicant().name(),
                    "a refused deletion deletes nothing");
            Request answered = requests.find(refused.id()).orElseThrow();
            assertEquals(Status.REFUSED, answered.status());
            assertEquals("受講料の領収のため保存が必要です", answered.answer());
            assertNull(requests.find(correction.id()).orElseThrow().settledAt(), "still open");
        }
    }
}
