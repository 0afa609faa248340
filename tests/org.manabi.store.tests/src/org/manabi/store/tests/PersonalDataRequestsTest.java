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
import org.manabi.store.Requester;
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
                    "certificate", "receipt", "personal_data_request", "owed_mail"),
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

    /**
     * Someone who holds a viewing ID without registering asks through the ID: the disclosure covers the
     * ID and what is tied to it (quiz answers included), and granting each kind acts on that ID alone.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void aViewerWithoutARegistrationAsksThroughTheViewingId(TestDatabases.Kind kind) throws Exception {
        try (kind; Database database = kind.open()) {
            ViewingIds ids = new ViewingIds(database, NOW);
            ViewingId dana = ids.request("ghs", new Requester("段 花子", "dan@example.jp", "テスト病院", "ja"), true, null);
            ViewingId erin = ids.request("ghs", new Requester("江川 次郎", "egawa@example.jp", "テスト病院", "ja"), true,
                    null);
            QuizAttempts attempts = new QuizAttempts(database, NOW);
            long attempt = attempts.start(QuizAttempts.ofViewingId(dana.id()), "ghs", "ghs-quiz", 0, null, () -> "order")
                    .id();
            attempts.save(attempt, Map.of("q1", "自由に書いた感想"));
            attempts.start(QuizAttempts.ofViewingId(erin.id()), "ghs", "ghs-quiz", 0, null, () -> "order");
            new Certificates(database, NOW).issue("ghs", Certificates.ofViewingId(dana.id()), "段 花子", 1.0);
            PersonalDataRequests requests = new PersonalDataRequests(database, NOW);

            Request disclosure = requests.askAsViewer(dana.id(), Kind.DISCLOSURE, Map.of(), "");
            assertEquals(dana.id(), disclosure.viewingId());
            assertNull(disclosure.registrationId());
            assertEquals("ghs", disclosure.seminarId());
            assertEquals(List.of(disclosure), requests.ofViewer(dana.id()));
            assertEquals(List.of(disclosure), requests.list(true, 10), "the admins' list shows it");
            Map<String, List<Map<String, Object>>> data = requests.viewerDisclosure(dana.id());
            assertEquals(List.of("viewing_id", "viewing_progress", "quiz_attempt", "quiz_answer", "live_answer",
                    "certificate", "personal_data_request", "owed_mail"), List.copyOf(data.keySet()));
            assertEquals("dan@example.jp", data.get("viewing_id").get(0).get("email"));
            assertEquals(1, data.get("quiz_attempt").size());
            assertEquals("自由に書いた感想", data.get("quiz_answer").get(0).get("response"));
            assertEquals(1, data.get("certificate").size());
            assertFalse(data.toString().contains("江川"), "nothing of another viewer");

            assertThrows(IllegalArgumentException.class,
                    () -> requests.askAsViewer(dana.id(), Kind.CORRECTION, Map.of("kana", "だん"), "an ID has no reading"));
            Request correction = requests.askAsViewer(dana.id(), Kind.CORRECTION, Map.of("name", "段 華子"), "誤記");
            requests.settle(correction.id(), true, "admin@example.jp", null);
            assertEquals("段 華子", ids.byId(dana.id()).orElseThrow().name());

            Request suspension = requests.askAsViewer(erin.id(), Kind.SUSPENSION, Map.of(), "");
            requests.settle(suspension.id(), true, "admin@example.jp", null);
            assertEquals(List.of(dana.id()), ids.issuedWithoutRegistration("ghs").stream().map(ViewingId::id).toList(),
                    "a suspended viewer is left out of the staff's lists");

            Request deletion = requests.askAsViewer(dana.id(), Kind.DELETION, Map.of(), "");
            requests.settle(deletion.id(), true, "admin@example.jp", null);
            assertTrue(ids.find(dana.code()).isEmpty(), "the ID opens neither the videos nor the quiz any more");
            Map<String, List<Map<String, Object>>> left = requests.viewerDisclosure(dana.id());
            assertFalse(left.toString().contains("段") || left.toString().contains("dan@"),
                    "nothing of the person is left: " + left);
            assertEquals(1, attempts.of(QuizAttempts.ofViewingId(dana.id()), "ghs-quiz").size(),
                    "the attempt stays for the figures, tied to no one");
            assertThrows(StoreException.class, () -> requests.askAsViewer(dana.id(), Kind.DISCLOSURE, Map.of(), ""));

            // an ID issued to a registration takes requests through the registration's link
            Registration aoki = register(new Registrations(database, (seminar, pool) -> 10, NOW), "ghs", Pool.WEB,
                    "青木 太郎", "aoki@example.jp");
            ViewingId his = ids.issueFor(aoki);
            assertThrows(StoreException.class, () -> requests.askAsViewer(his.id(), Kind.DISCLOSURE, Map.of(), ""));
        }
    }
}
