package org.manabi.content.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.manabi.content.ContentProblem;
import org.manabi.content.ContentRepository;
import org.manabi.model.ProgrammeItem;

/**
 * Each domain rule with a case that breaks it and the valid seminar that passes it. The valid
 * seminar uses every construct a rule looks at, so each failing case changes one thing only.
 */
class DomainRulesTest {

    private static final String VALID = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manabi:Curriculum xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:manabi="http://manabi.org/model/1.0" id="c">
              <people id="speaker" name="講師 一郎" affiliation="DICOM委員会"/>
              <plans id="p" fiscalYear="2026">
                <seminars id="s" title="DICOMセミナー" status="published" delivery="hybrid"
                    venue="会議室" conferenceSystem="Zoom"
                    registrationOpens="2026-11-01T10:00" registrationCloses="2026-12-10T17:00">
                  <sessions date="2026-12-18" start="13:00" end="17:00"/>
                  <fee memberYen="3000" nonMemberYen="5000"/>
                  <pools id="s-onsite" mode="onsite" capacityState="number" capacity="30"/>
                  <pools id="s-web" mode="web" capacityState="number" capacity="60"/>
                  <programme id="s-talk" kind="talk" title="講演" start="13:00" end="14:30" speakers="speaker"/>
                  <programme id="s-break" kind="break" title="休憩" start="14:30" end="14:40"/>
                  <programme id="s-exercise" kind="exercise" title="演習" start="14:40" end="17:00"/>
                  <materials xsi:type="manabi:SlideDeck" id="deck" title="資料" file="decks/deck.pdf" pageCount="10"/>
                  <vodWindow opens="2026-12-21T00:00" closes="2027-02-28T23:59"/>
                  <quiz id="quiz">
                    <questions xsi:type="manabi:SingleChoiceQuestion" id="q1" text="単一選択">
                      <citations deck="deck" page="10"/>
                      <choices id="q1-a" text="A" correct="true"/>
                      <choices id="q1-b" text="B"/>
                    </questions>
                    <questions xsi:type="manabi:MultipleChoiceQuestion" id="q2" text="複数選択">
                      <choices id="q2-a" text="A" correct="true"/>
                      <choices id="q2-b" text="B"/>
                    </questions>
                    <questions xsi:type="manabi:NumericQuestion" id="q3" text="数値" answer="2011" tolerance="0"/>
                    <questions xsi:type="manabi:ShortAnswerQuestion" id="q4" text="記述" acceptedAnswers="SDS"/>
                  </quiz>
                  <certificateRule requiresAttendance="true" requiresPassing="true"/>
                </seminars>
              </plans>
            </manabi:Curriculum>
            """;

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                broken("overlapping programme items", "start=\"14:30\" end=\"14:40\"/>",
                        "start=\"14:20\" end=\"14:40\"/>", "ProgrammeItem «休憩»",
                        "start", "starts before"),
                broken("item outside the session", "title=\"演習\" start=\"14:40\" end=\"17:00\"",
                        "title=\"演習\" start=\"14:40\" end=\"17:30\"", "ProgrammeItem «演習» (id s-exercise)", "end",
                        "outside the session of 2026-12-18 (13:00-17:00)"),
                broken("break longer than the session", "title=\"休憩\" start=\"14:30\" end=\"14:40\""
                        + "||<programme id=\"s-talk\" kind=\"talk\" title=\"講演\" start=\"13:00\" end=\"14:30\" speakers=\"speaker\"/>"
                        + "||<programme id=\"s-exercise\" kind=\"exercise\" title=\"演習\" start=\"14:40\" end=\"17:00\"/>",
                        "title=\"休憩\" start=\"08:00\" end=\"18:00\"||||",
                        "ProgrammeItem «休憩» (id s-break)", "end", "longer than the whole session"),
                broken("paid seminar without price", "<fee memberYen=\"3000\" nonMemberYen=\"5000\"/>",
                        "<fee memberYen=\"3000\"/>", "Fee", "memberYen", "member and the non-member price"),
                broken("published seminar without fee", "<fee memberYen=\"3000\" nonMemberYen=\"5000\"/>", "",
                        "Seminar «DICOMセミナー» (id s)", "fee", "needs a fee"),
                broken("web pool without conference system", "conferenceSystem=\"Zoom\"", "",
                        "Seminar «DICOMセミナー» (id s)", "conferenceSystem", "no conference system"),
                broken("capacity missing", "capacityState=\"number\" capacity=\"30\"", "capacityState=\"number\"",
                        "SeatPool (id s-onsite)", "capacity", "no capacity"),
                broken("question without a correct answer", "<choices id=\"q2-a\" text=\"A\" correct=\"true\"/>",
                        "<choices id=\"q2-a\" text=\"A\"/>", "MultipleChoiceQuestion (id q2)", "choices",
                        "no correct choice"),
                broken("single choice with two right answers", "<choices id=\"q1-b\" text=\"B\"/>",
                        "<choices id=\"q1-b\" text=\"B\" correct=\"true\"/>", "SingleChoiceQuestion (id q1)", "choices",
                        "it has 2"),
                broken("numeric question without answer", "answer=\"2011\" tolerance=\"0\"", "",
                        "NumericQuestion (id q3)", "answer", "no correct answer"),
                broken("short answer without accepted answers", " acceptedAnswers=\"SDS\"", "",
                        "ShortAnswerQuestion (id q4)", "acceptedAnswers", "no correct answer"),
                broken("survey question in a quiz", "<questions xsi:type=\"manabi:NumericQuestion\"",
                        "<questions xsi:type=\"manabi:LikertQuestion\" id=\"q5\" text=\"満足度\"/>"
                                + "<questions xsi:type=\"manabi:NumericQuestion\"",
                        "LikertQuestion (id q5)", "text", "cannot be graded"),
                broken("citation beyond the deck", "page=\"10\"", "page=\"11\"", "SlideCitation", "page",
                        "Page 11 does not exist in SlideDeck «資料» (id deck), which has 10 pages"),
                broken("deck file missing", "file=\"decks/deck.pdf\"", "file=\"decks/other.pdf\"",
                        "SlideDeck «資料» (id deck)", "file", "no file decks/other.pdf"),
                broken("VOD window that closes before it opens", "closes=\"2027-02-28T23:59\"",
                        "closes=\"2026-12-01T00:00\"", "VodWindow", "closes", "closes before it opens"),
                broken("registration that closes before it opens", "registrationCloses=\"2026-12-10T17:00\"",
                        "registrationCloses=\"2026-10-01T17:00\"", "Seminar «DICOMセミナー» (id s)", "registrationCloses",
                        "closes before it opens"),
                broken("certificate that needs a pass without a quiz", "<quiz id=\"quiz\">||</quiz>",
                        "<survey id=\"survey\">||</survey>", "CertificateRule", "requiresPassing", "has no quiz"),
                broken("speaker without affiliation", " affiliation=\"DICOM委員会\"", "",
                        "Person «講師 一郎» (id speaker)", "affiliation", "needs an affiliation"));
    }

    private static Arguments broken(String rule, String find, String replace, String element, String field,
            String message) {
        return Arguments.of(rule, find, replace, element, field, message);
    }

    @Test
    void theValidSeminarHasNoProblem(@TempDir Path temp) throws Exception {
        assertEquals(List.of(), validate(temp, VALID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aBrokenRuleIsReportedOnItsElementAndField(String rule, String find, String replace, String element,
            String field, String message, @TempDir Path temp) throws Exception {
        // "a||b" changes several places at once, where one rule cannot be broken without moving its neighbours
        String[] finds = find.split("\\|\\|", -1);
        String[] replaces = replace.split("\\|\\|", -1);
        String xmi = VALID;
        for (int i = 0; i < finds.length; i++) {
            assertTrue(xmi.contains(finds[i]), "the case must change the valid seminar: " + finds[i]);
            xmi = xmi.replace(finds[i], replaces[i]);
        }

        List<ContentProblem> problems = validate(temp, xmi);

        assertEquals(1, problems.size(), rule + ": " + problems);
        ContentProblem problem = problems.get(0);
        assertEquals(ContentProblem.Severity.ERROR, problem.severity());
        assertEquals(Path.of("plan.manabi"), problem.file());
        assertTrue(problem.element().startsWith(element), rule + ": element " + problem.element());
        assertEquals(field, problem.field(), rule);
        assertTrue(problem.message().contains(message), rule + ": " + problem.message());
    }

    @Test
    void anIdUsedInTwoFilesIsReportedInTheSecond(@TempDir Path temp) throws Exception {
        Files.writeString(temp.resolve("other.manabi"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <manabi:Curriculum xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" \
                xmlns:manabi="http://manabi.org/model/1.0" id="o">
                  <plans id="other-plan" fiscalYear="2027"><seminars id="s" title="別のセミナー"/></plans>
                </manabi:Curriculum>
                """, StandardCharsets.UTF_8);

        List<ContentProblem> problems = validate(temp, VALID);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("plan.manabi: error: Seminar «DICOMセミナー» (id s) [id]: The id s is already used in "
                + "other.manabi; ids must be unique across the content folder.", problems.get(0).format());
    }

    @Test
    void anIdUsedTwiceInOneFileIsReportedOnTheSecondElement(@TempDir Path temp) throws Exception {
        List<ContentProblem> problems = validate(temp, VALID.replace("id=\"s-break\"", "id=\"s-talk\""));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).element().contains("休憩"), problems.get(0).format());
    }

    @Test
    void validationLeavesNoIdIndexBehindThatAnEditedIdWouldOutlive(@TempDir Path temp) throws Exception {
        validate(temp, VALID);
        ContentRepository repository = ContentRepository.open(temp);
        Resource file = repository.resourceSet().getResources().get(0);
        assertEquals(List.of(), repository.validate());

        ((ProgrammeItem) file.getEObject("s-talk")).setId("s-keynote");

        assertNull(file.getEObject("s-talk"), "the old id finds nothing");
        assertEquals("s-keynote", ((ProgrammeItem) file.getEObject("s-keynote")).getId());
        assertEquals(List.of(), repository.validate(file));
    }

    private static List<ContentProblem> validate(Path folder, String xmi) throws Exception {
        Files.writeString(folder.resolve("plan.manabi"), xmi, StandardCharsets.UTF_8);
        Files.createDirectories(folder.resolve("decks"));
        Files.write(folder.resolve("decks/deck.pdf"), new byte[] { '%', 'P', 'D', 'F' });
        return ContentRepository.open(folder).validate();
    }
}
