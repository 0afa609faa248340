package org.manabi.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.manabi.store.Applicant;
import org.manabi.store.Database;
import org.manabi.store.Pool;
import org.manabi.store.Receipt;
import org.manabi.store.Receipts;
import org.manabi.store.Registration;
import org.manabi.store.Registrations;

class ReceiptsTest {

    static Stream<Named<TestDatabases.Kind>> databases() {
        return TestDatabases.both();
    }

    private static List<Registration> registered(Database database, String prefix, int count, int fee) throws Exception {
        Registrations registrations = new Registrations(database, (seminar, pool) -> 1000, Clock.systemUTC());
        List<Registration> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(registrations.register("dicom-2026", Pool.WEB, new Applicant("受講 " + i, "じゅこう", prefix + i + "@example.jp",
                    "株式会社テスト", true, null, fee, Map.of(), "ja")).registration());
        }
        return all;
    }

    @Test
    void theTaxInATaxIncludedFeeIsRoundedDownOnce() {
        assertEquals(454, Receipts.taxIncluded(5000, 10));
        assertEquals(909, Receipts.taxIncluded(10_000, 10));
        assertEquals(272, Receipts.taxIncluded(3000, 10));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void receiptsIssuedAtOnceOnTwoNodesAreNumberedWithoutGapsAndNeverTwice(TestDatabases.Kind kind) throws Exception {
        try (Database one = kind.open(); Database two = kind.open()) {
            List<Registration> paid = registered(one, "p", 40, 5000);
            Receipts first = new Receipts(one, Clock.systemUTC());
            Receipts second = new Receipts(two, Clock.systemUTC());
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Receipt>> issued = new ArrayList<>();
            try {
                // every registration marked paid twice, once on each node, all at the same moment
                for (Registration registration : paid) {
                    for (Receipts node : List.of(first, second)) {
                        Callable<Receipt> mark = () -> {
                            start.await();
                            return node.issue(registration, "DICOM セミナー 受講料", "staff@example.jp");
                        };
                        issued.add(pool.submit(mark));
                    }
                }
                start.countDown();
                for (int i = 0; i < issued.size(); i += 2) {
                    assertEquals(issued.get(i).get(), issued.get(i + 1).get(), "the same receipt from both nodes");
                }
            } finally {
                pool.shutdown();
            }

            List<Receipt> all = first.all();
            assertEquals(LongStream.rangeClosed(1, 40).boxed().toList(), all.stream().map(Receipt::number).toList(),
                    "1 to 40 without a gap");
            assertEquals(40, all.stream().map(Receipt::registrationId).distinct().count(), "one receipt per registration");
            Receipt any = all.get(0);
            assertEquals(5000, any.amountYen());
            assertEquals(10, any.taxRatePercent());
            assertEquals(454, any.taxYen());
            assertEquals("株式会社テスト " + paid.stream().filter(r -> r.id() == any.registrationId()).findFirst()
                    .orElseThrow().applicant().name(), any.addressee());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFreeRegistrationHasNoReceiptAndTakesNoNumber(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            Registration free = registered(database, "free", 1, 0).get(0);
            Receipts receipts = new Receipts(database, Clock.systemUTC());

            assertThrows(IllegalArgumentException.class, () -> receipts.issue(free, "無料講座", "staff@example.jp"));
            Registration paid = registered(database, "paid", 2, 8000).get(1);
            assertEquals(1, receipts.issue(paid, "受講料", "staff@example.jp").number());
            assertEquals(727, receipts.ofRegistration(paid.id()).orElseThrow().taxYen());
        }
    }
}
