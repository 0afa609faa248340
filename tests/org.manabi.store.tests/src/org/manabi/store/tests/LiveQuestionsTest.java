package org.manabi.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.manabi.store.Database;
import org.manabi.store.LiveQuestions;
import org.manabi.store.LiveQuestions.LiveQuestion;

class LiveQuestionsTest {

    static Stream<Named<TestDatabases.Kind>> databases() {
        return TestDatabases.both();
    }

    /** Two nodes on one database: answers taken by either are counted by both. */
    @ParameterizedTest
    @MethodSource("databases")
    void theRoomAnswersTheDistributionGrowsTheRevealEndsIt(TestDatabases.Kind kind) throws Exception {
        try (Database one = kind.open(); Database two = kind.open()) {
            LiveQuestions first = new LiveQuestions(one, Clock.systemUTC());
            LiveQuestions second = new LiveQuestions(two, Clock.systemUTC());
            assertEquals(Optional.empty(), first.current("dicom-2027"));

            LiveQuestion q02 = first.open("dicom-2027", "q02", "teacher@example.jp");
            assertEquals(q02, second.current("dicom-2027").orElseThrow());
            assertTrue(first.answer(q02.id(), "registration:1", "q02-a"));
            assertTrue(second.answer(q02.id(), "registration:2", "q02-b"));
            assertTrue(second.answer(q02.id(), "registration:3", "q02-a"));
            assertEquals(Map.of("q02-a", 2, "q02-b", 1), first.distribution(q02.id()));
            assertTrue(first.answer(q02.id(), "registration:2", "q02-a"), "a change of mind");
            assertEquals(Map.of("q02-a", 3), second.distribution(q02.id()));
            assertEquals(Optional.of("q02-a"), second.answerOf(q02.id(), "registration:2"));

            second.reveal(q02.id());
            assertTrue(first.current("dicom-2027").orElseThrow().revealed());
            assertFalse(first.answer(q02.id(), "registration:4", "q02-b"), "no answers after the reveal");

            LiveQuestion q03 = second.open("dicom-2027", "q03", "teacher@example.jp");
            assertEquals("q03", first.current("dicom-2027").orElseThrow().itemId());
            assertFalse(q03.revealed());
            assertEquals(Map.of(), first.distribution(q03.id()));
            assertEquals(Optional.empty(), first.current("other-2027"), "seminars have rooms of their own");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aQuestionReplacedTakesNoMoreAnswers(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            LiveQuestions live = new LiveQuestions(database, Clock.systemUTC());
            LiveQuestion old = live.open("dicom-2027", "q01", "teacher@example.jp");
            live.open("dicom-2027", "q02", "teacher@example.jp");
            assertFalse(live.answer(old.id(), "registration:1", "1993"), "the room moved on");
            assertFalse(live.answer(12345, "registration:1", "1993"), "no such question");
        }
    }
}
