package org.manabi.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.manabi.store.Database;
import org.manabi.store.DocumentRequests;
import org.manabi.store.Requester;

class DocumentRequestsTest {

    static Stream<Named<TestDatabases.Kind>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void requestsAreCountedPerFiscalYearInJapanTime(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            // 31 March 2027, 23:30 in Tokyo: still fiscal 2026; half an hour later, fiscal 2027
            TestClock clock = new TestClock(Instant.parse("2027-03-31T14:30:00Z"));
            DocumentRequests requests = new DocumentRequests(database, clock);
            Requester someone = new Requester("石田 花子", "hanako@example.jp", "病院", "ja");

            requests.record("guideline", someone, "院内研修");
            requests.record("safety", someone, "");
            clock.advance(Duration.ofMinutes(30));
            requests.record("guideline", someone, "");

            assertEquals(Map.of(2026, Map.of("guideline", 1, "safety", 1), 2027, Map.of("guideline", 1)),
                    requests.countsPerFiscalYear());
            assertEquals(2027, requests.recent(1).get(0).fiscalYear());
            assertEquals("院内研修", requests.recent(10).get(2).purpose());
        }
    }
}
