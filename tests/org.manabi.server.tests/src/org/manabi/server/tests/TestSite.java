package org.manabi.server.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.manabi.content.ContentRepository;
import org.manabi.server.Catalogue;
import org.manabi.server.Email;
import org.manabi.server.Mailer;
import org.manabi.server.ServerSettings;
import org.manabi.server.Site;
import org.manabi.server.WebServer;
import org.manabi.store.Applicant;
import org.manabi.store.AuditEntry;
import org.manabi.store.AuditLog;
import org.manabi.store.Database;
import org.manabi.store.Pool;
import org.manabi.store.Registration;
import org.manabi.store.Registrations;
import org.manabi.store.StaffAccounts;
import org.manabi.store.StaffMember;
import org.manabi.store.StaffRole;
import org.manabi.store.StoreException;

/**
 * A running server over a small curriculum written for the tests (seat numbers small enough to fill)
 * and a fresh H2 file, on a clock fixed at 21 November 2026, noon in Tokyo.
 */
final class TestSite implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");

    /** Onsite 2 seats, web undecided, a questionnaire; a draft; a closed one; a free one without onsite. */
    static final String CURRICULUM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manabi:Curriculum xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xmlns:manabi="http://manabi.org/model/1.0" id="test" title="テスト">
              <people id="test-speaker" name="講師 太郎" kana="こうし たろう"/>
              <plans id="test-plan" fiscalYear="2026">
                <seminars id="dicom-2026" title="DICOM セミナー" englishTitle="DICOM Seminar" kind="seminar" level="beginner"
                    delivery="hybrid" status="published" venue="会議室" registrationOpens="2026-11-01T10:00"
                    registrationCloses="2026-12-20T17:00">
                  <sessions date="2026-12-25" start="13:00" end="17:00"/>
                  <fee memberYen="5000" nonMemberYen="8000"/>
                  <pools id="dicom-2026-onsite" mode="onsite" capacityState="number" capacity="2"/>
                  <pools id="dicom-2026-web" mode="web" capacityState="undecided"/>
                  <programme id="dicom-2026-talk" kind="talk" title="DICOM の基礎" start="13:00" end="14:00" speakers="test-speaker"/>
                  <survey id="dicom-2026-pre" title="事前アンケート" beforeSeminar="true">
                    <questions xsi:type="manabi:LikertQuestion" id="pre-1" text="DICOM の経験は？" scale="5" lowLabel="ない" highLabel="多い"/>
                    <questions xsi:type="manabi:FreeTextQuestion" id="pre-2" text="聞きたいこと"/>
                  </survey>
                </seminars>
                <seminars id="draft-2026" title="下書き" kind="seminar" level="all" delivery="web" status="draft">
                  <sessions date="2026-12-26" start="13:00" end="15:00"/>
                  <pools id="draft-2026-web" mode="web" capacityState="number" capacity="10"/>
                </seminars>
                <seminars id="closed-2026" title="締切済み" kind="seminar" level="all" delivery="web" status="published"
                    registrationOpens="2026-10-01T10:00" registrationCloses="2026-11-20T17:00">
                  <sessions date="2026-12-27" start="13:00" end="15:00"/>
                  <pools id="closed-2026-web" mode="web" capacityState="number" capacity="10"/>
                </seminars>
                <seminars id="free-web-2026" title="無料 Web 講座" kind="seminar" level="all" delivery="web" status="published">
                  <sessions date="2026-12-28" start="10:00" end="11:00"/>
                  <fee free="true"/>
                  <pools id="free-web-2026-onsite" mode="onsite" capacityState="notPlanned"/>
                  <pools id="free-web-2026-web" mode="web" capacityState="number" capacity="100"/>
                </seminars>
              </plans>
            </manabi:Curriculum>
            """;

    /**
     * The VOD part, written only where a test asks for it ({@link #withVod()}): a video set that
     * staff approve (window November 2026) with a file and an external video, a trial set that
     * issues IDs at once for 14 days, a hybrid seminar whose recording opens at 10:00 on 20 November.
     */
    static final String VOD_CURRICULUM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manabi:Curriculum xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xmlns:manabi="http://manabi.org/model/1.0" id="vod" title="VOD">
              <organisations id="vod-host" name="テスト工業会 教育委員会" kind="committee"/>
              <plans id="vod-plan" fiscalYear="2026">
                <seminars id="vod-set-2026" title="ビデオ学習" englishTitle="Video learning" kind="vodCourse" level="all"
                    delivery="vod" status="published">
                  <pools id="vod-set-2026-web" mode="web" capacityState="number" capacity="100"/>
                  <materials xsi:type="manabi:Video" id="set-video" title="第1回" durationSeconds="100" location="videos/sample.webm">
                    <chapters title="はじめに" startSecond="0"/>
                    <chapters title="本題" startSecond="40"/>
                  </materials>
                  <materials xsi:type="manabi:Video" id="set-remote" title="第2回" durationSeconds="60" location="https://videos.example.jp/2.mp4"/>
                  <materials xsi:type="manabi:ProtectedDocument" id="set-handout" title="配布資料" file="handout.pdf"/>
                  <vodWindow opens="2026-11-01T10:00" closes="2026-11-30T23:59"/>
                  <certificateRule requiresWatching="true" hours="1.5"/>
                </seminars>
                <seminars id="vod-trial-2026" title="お試し" englishTitle="Trial" kind="vodCourse" level="all"
                    delivery="vod" status="published">
                  <fee free="true"/>
                  <pools id="vod-trial-2026-web" mode="web" capacityState="number" capacity="100"/>
                  <materials xsi:type="manabi:Video" id="trial-video" title="サンプル" durationSeconds="8" location="videos/sample.webm"/>
                  <vodWindow opens="2026-04-01T00:00" closes="2027-03-31T23:59" automaticApproval="true" idValidDays="14"/>
                  <certificateRule requiresWatching="true" hours="0.5"/>
                </seminars>
                <seminars id="hybrid-2026" title="ハイブリッド" englishTitle="Hybrid" kind="seminar" level="all"
                    delivery="hybrid" status="published">
                  <sessions date="2026-11-10" start="13:00" end="16:00"/>
                  <fee free="true"/>
                  <pools id="hybrid-2026-web" mode="web" capacityState="number" capacity="10"/>
                  <materials xsi:type="manabi:Video" id="hybrid-video" title="録画" durationSeconds="10800" location="videos/sample.webm"/>
                  <materials xsi:type="manabi:Video" id="hybrid-extra" title="補足" durationSeconds="60" location="videos/extra.webm"/>
                  <vodWindow opens="2026-11-20T10:00" closes="2026-12-20T23:59"/>
                  <certificateRule requiresAttendance="true" requiresWatching="true" hours="3.0"/>
                </seminars>
                <seminars id="attend-2026" title="出席で修了" englishTitle="Attendance course" kind="seminar" level="all"
                    delivery="onsite" status="published" host="vod-host">
                  <sessions date="2026-11-10" start="13:00" end="15:00"/>
                  <fee memberYen="5000" nonMemberYen="8000"/>
                  <pools id="attend-2026-onsite" mode="onsite" capacityState="number" capacity="10"/>
                  <certificateRule requiresAttendance="true" hours="2.0"/>
                </seminars>
                <seminars id="quiz-2026" title="合格で修了" englishTitle="Quiz course" kind="seminar" level="all"
                    delivery="web" status="published">
                  <sessions date="2026-11-12" start="13:00" end="15:00"/>
                  <fee free="true"/>
                  <pools id="quiz-2026-web" mode="web" capacityState="number" capacity="10"/>
                  <quiz id="quiz-2026-quiz" title="確認テスト" attempts="2" passPercent="60">
                    <questions xsi:type="manabi:SingleChoiceQuestion" id="quiz-2026-q1" text="DICOM の D は？">
                      <choices id="quiz-2026-q1-a" text="Digital" correct="true"/>
                      <choices id="quiz-2026-q1-b" text="Data"/>
                    </questions>
                  </quiz>
                  <certificateRule requiresPassing="true" hours="1.0"/>
                </seminars>
              </plans>
            </manabi:Curriculum>
            """;

    final Path folder;
    final TestClock clock = new TestClock(NOW);
    final Database database;
    final Site site;
    final WebServer server;
    final List<Email> mails = new CopyOnWriteArrayList<>();

    TestSite(int registrationsPerMinute) throws Exception {
        this(registrationsPerMinute, null);
    }

    /** With {@code mailer} {@code null}, mails are collected in {@link #mails}. */
    TestSite(int registrationsPerMinute, Mailer mailer) throws Exception {
        this(new ServerSettings(null, registrationsPerMinute, ServerSettings.DEFAULT.loginsPerMinute()), mailer);
    }

    /** With {@code mailer} {@code null}, mails are collected in {@link #mails}. */
    TestSite(ServerSettings settings, Mailer mailer) throws Exception {
        this(settings, mailer, Map.of(), Map.of());
    }

    /** The test curriculum and the VOD one, with its video file ({@link #VIDEO}); mails in {@link #mails}. */
    static TestSite withVod() throws Exception {
        return withVod(null);
    }

    /** As {@link #withVod()}, mailing with {@code mailer} ({@code null}: into {@link #mails}). */
    static TestSite withVod(Mailer mailer) throws Exception {
        return new TestSite(ServerSettings.DEFAULT.withVod(ISSUER, null), mailer, Map.of("vod.manabi",
                VOD_CURRICULUM.getBytes(StandardCharsets.UTF_8), "videos/sample.webm", VIDEO), Map.of("videos/extra.webm",
                        EXTRA_VIDEO));
    }

    /** A video kept in the video folder ({@code <folder>/videos}), not in the content: the hybrid seminar's second. */
    static final byte[] EXTRA_VIDEO = "not in the repository".repeat(100).getBytes(StandardCharsets.US_ASCII);

    /** The receipts' issuer of {@link #withVod()}. */
    static final ServerSettings.InvoiceIssuer ISSUER = new ServerSettings.InvoiceIssuer("一般社団法人 テスト工業会",
            "T1234567890123");

    /** The bytes of the test video: not a real video, but range requests only count bytes. */
    static final byte[] VIDEO = video();

    private static byte[] video() {
        byte[] bytes = new byte[100_000];
        new java.util.Random(8).nextBytes(bytes);
        return bytes;
    }

    private TestSite(ServerSettings settings, Mailer mailer, Map<String, byte[]> moreContent,
            Map<String, byte[]> videoFolderFiles) throws Exception {
        folder = Files.createTempDirectory("manabi-server-test");
        if (!videoFolderFiles.isEmpty()) {
            Path videos = folder.resolve("videos");
            for (Map.Entry<String, byte[]> file : videoFolderFiles.entrySet()) {
                Files.createDirectories(videos.resolve(file.getKey()).getParent());
                Files.write(videos.resolve(file.getKey()), file.getValue());
            }
            settings = settings.withVod(settings.invoiceIssuer(), videos);
        }
        Path content = Files.createDirectories(folder.resolve("content"));
        Files.writeString(content.resolve("test.manabi"), CURRICULUM, StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> file : moreContent.entrySet()) {
            Path path = content.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        ContentRepository repository = ContentRepository.open(content);
        Catalogue catalogue = Catalogue.of(repository);
        database = Database.openH2(folder.resolve("data"));
        site = new Site(catalogue, database, new Registrations(database, catalogue, clock),
                mailer != null ? mailer : mails::add,
                settings, clock);
        server = WebServer.start("127.0.0.1", 0, site);
    }

    /** A staff account, made as the admin page or {@code --init-admin} makes it. */
    StaffMember staff(String email, StaffRole role, String password, String... seminars) throws StoreException {
        return new StaffAccounts(database, site.clock()).save(email, role, password, Set.of(seminars));
    }

    /** A registration made straight in the store, as the forms and the API make it. */
    Registration register(String seminar, Pool pool, String name, String kana, Map<String, String> answers)
            throws StoreException {
        String email = Integer.toHexString(name.hashCode()) + "@example.jp";
        return site.registrations().register(seminar, pool, new Applicant(name, kana, email, "株式会社テスト", true, null,
                5000, answers, "ja")).registration();
    }

    /** The audit log, newest first. */
    List<AuditEntry> audit() throws StoreException {
        return new AuditLog(database, site.clock()).recent(1000);
    }

    @Override
    public void close() throws IOException {
        server.close();
        database.close();
        try (var files = Files.walk(folder)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }
}
