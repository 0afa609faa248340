package org.manabi.web.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A content folder with one published seminar whose seat numbers a test can fill. It has no
 * registration window: the product runs on the real clock, and an open-ended window stays open
 * whatever day the suite runs.
 */
final class TestContent {

    /** The seminar's id, its Japanese and English titles and fees, as the pages show them. */
    static final String SEMINAR = "web-test-2026";
    static final String TITLE_JA = "DICOM 入門（テスト）";
    static final String TITLE_EN = "DICOM for beginners (test)";
    static final int MEMBER_FEE = 5000;
    static final int NON_MEMBER_FEE = 8000;

    private TestContent() {
    }

    /** Writes {@code <folder>/content/test.manabi} and returns the content folder. */
    static Path write(Path folder, int onsiteSeats, int webSeats) throws IOException {
        Path content = Files.createDirectories(folder.resolve("content"));
        Files.writeString(content.resolve("test.manabi"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <manabi:Curriculum xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xmlns:manabi="http://manabi.org/model/1.0" id="web-test" title="ウェブのテスト">
                  <people id="web-test-speaker" name="講師 花子" kana="こうし はなこ"/>
                  <plans id="web-test-plan" fiscalYear="2026">
                    <seminars id="%1$s" title="%2$s" englishTitle="%3$s" kind="seminar" level="beginner"
                        delivery="hybrid" status="published" venue="会議室 A">
                      <sessions date="2027-02-25" start="13:00" end="17:00"/>
                      <fee memberYen="%4$d" nonMemberYen="%5$d"/>
                      <pools id="%1$s-onsite" mode="onsite" capacityState="number" capacity="%6$d"/>
                      <pools id="%1$s-web" mode="web" capacityState="number" capacity="%7$d"/>
                      <programme id="%1$s-talk" kind="talk" title="DICOM の基礎" start="13:00" end="14:00" speakers="web-test-speaker"/>
                    </seminars>
                  </plans>
                </manabi:Curriculum>
                """.formatted(SEMINAR, TITLE_JA, TITLE_EN, MEMBER_FEE, NON_MEMBER_FEE, onsiteSeats, webSeats),
                StandardCharsets.UTF_8);
        return content;
    }
}
