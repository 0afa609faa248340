package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manabi.server.Email;
import org.manabi.store.Pool;
import org.manabi.store.Registration;
import org.manabi.store.StaffRole;

/** Viewing IDs, the video file with range requests, progress from the player, the staff's VOD page. */
class VodTest {

    private static final Pattern CODE = Pattern.compile("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
    private static final int SIZE = TestSite.VIDEO.length;

    private TestSite site;
    private Browser browser;

    @BeforeEach
    void start() throws Exception {
        site = TestSite.withVod();
        browser = new Browser(site);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    /** The first mail that matches, waiting for the mail queue up to five seconds. */
    private Email awaitMail(java.util.function.Predicate<Email> wanted) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            for (Email mail : site.mails) {
                if (wanted.test(mail)) {
                    return mail;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such mail among " + site.mails);
    }

    /** A trial ID, asked for on the form and issued at once: the code it redirects to. */
    private String trialId() throws Exception {
        browser.get("/vod/request/vod-trial-2026");
        HttpResponse<String> asked = browser.submit("/vod/request/vod-trial-2026",
                Map.of("name", "Ann Lee", "email", "ann@example.com", "organization", "Clinic"));
        assertEquals(303, asked.statusCode(), asked.body());
        String location = asked.headers().firstValue("Location").orElseThrow();
        Matcher code = CODE.matcher(location);
        assertTrue(code.find(), location);
        return code.group();
    }

    /** The ID of a confirmed registration for the hybrid seminar, issued from its personal page. */
    private String hybridId() throws Exception {
        Registration registration = site.register("hybrid-2026", Pool.WEB, "佐藤 花子", "さとう はなこ", Map.of());
        String page = browser.get("/r/" + registration.token()).body();
        assertTrue(page.contains("action=\"/vod/issue\""), "the personal page offers the viewing ID: " + page);
        HttpResponse<String> issued = browser.submit("/vod/issue", Map.of("token", registration.token()));
        assertEquals(303, issued.statusCode(), issued.body());
        String again = browser.submit("/vod/issue", Map.of("token", registration.token())).headers()
                .firstValue("Location").orElseThrow();
        assertEquals(issued.headers().firstValue("Location").orElseThrow(), again, "one ID per registration");
        Matcher code = CODE.matcher(again);
        assertTrue(code.find());
        return code.group();
    }

    @Test
    void theVideoFileAnswersRangeRequestsAsPlayersNeedForSeeking() throws Exception {
        String media = "/vod/" + trialId() + "/trial-video/media";

        HttpResponse<byte[]> whole = browser.bytes(media);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(TestSite.VIDEO, whole.body());
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals("video/webm", whole.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<byte[]> first = browser.bytes(media, "Range", "bytes=0-99");
        assertEquals(206, first.statusCode());
        assertEquals("bytes 0-99/" + SIZE, first.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(TestSite.VIDEO, 0, 100), first.body());

        // seeking near the end: an open range, and a suffix range
        HttpResponse<byte[]> seek = browser.bytes(media, "Range", "bytes=90000-");
        assertEquals(206, seek.statusCode());
        assertEquals("bytes 90000-" + (SIZE - 1) + "/" + SIZE, seek.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(TestSite.VIDEO, 90_000, SIZE), seek.body());
        HttpResponse<byte[]> tail = browser.bytes(media, "Range", "bytes=-500");
        assertArrayEquals(Arrays.copyOfRange(TestSite.VIDEO, SIZE - 500, SIZE), tail.body());

        HttpResponse<byte[]> outside = browser.bytes(media, "Range", "bytes=200000-200100");
        assertEquals(416, outside.statusCode());
        assertEquals("bytes */" + SIZE, outside.headers().firstValue("Content-Range").orElse(""));

        HttpResponse<byte[]> two = browser.bytes(media, "Range", "bytes=0-9,100-109");
        assertEquals(206, two.statusCode());
        assertTrue(two.headers().firstValue("Content-Type").orElse("").startsWith("multipart/byteranges"),
                two.headers().map().toString());

        // If-Range: the piece only while the file is the one the player has begun; else the whole file
        String modified = whole.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(206, browser.bytes(media, "Range", "bytes=0-9", "If-Range", modified).statusCode());
        HttpResponse<byte[]> stale = browser.bytes(media, "Range", "bytes=0-9", "If-Range",
                "Mon, 02 Nov 2026 10:00:00 GMT");
        assertEquals(200, stale.statusCode());
        assertEquals(SIZE, stale.body().length);
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertEquals(200, browser.bytes(media, "Range", "bytes=0-9", "If-Range", etag).statusCode(),
                "a weak entity tag never matches for If-Range");
    }

    @Test
    void aVideoKeptInTheDataFoldersVideosIsServedLikeOneInTheContent() throws Exception {
        String media = "/vod/" + hybridId() + "/hybrid-extra/media";

        HttpResponse<byte[]> whole = browser.bytes(media);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(TestSite.EXTRA_VIDEO, whole.body());
        HttpResponse<byte[]> part = browser.bytes(media, "Range", "bytes=10-19");
        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(TestSite.EXTRA_VIDEO, 10, 20), part.body());
        assertEquals(404, browser.bytes("/vod-files/videos/videos/extra.webm").statusCode());
    }

    @Test
    void theFilesAreServedOnlyThroughAValidId() throws Exception {
        String trial = trialId();

        assertEquals(404, browser.bytes("/vod-files/videos/sample.webm").statusCode(), "no way around the ID");
        assertEquals(404, browser.bytes("/vod/AAAA-BBBB-CCCC-DDDD-EEEE/trial-video/media").statusCode());
        assertEquals(403, browser.bytes("/vod/" + trial + "/hybrid-video/media").statusCode(), "another seminar's video");
        assertEquals(404, browser.bytes("/vod/" + trial + "/set-remote/media").statusCode(), "an external video has no file");
        String player = browser.get("/vod/" + trial + "/trial-video").body();
        assertTrue(player.contains("src=\"/vod/" + trial + "/trial-video/media\""), player);
        assertTrue(player.contains("<script src=\"/static/vod-player.js\"></script>"), player);
        assertEquals(200, browser.get("/static/vod-player.js").statusCode());
    }

    @Test
    void anIdOpensAtTheWindowsFirstMinuteAndShutsAfterItsLastMinute() throws Exception {
        String code = hybridId();
        String player = "/vod/" + code + "/hybrid-video";

        // the window opens at 10:00 on 20 November and closes at 23:59 on 20 December, Japan time
        site.clock.set(Instant.parse("2026-11-20T00:59:59Z"));
        HttpResponse<String> early = browser.get(player);
        assertEquals(403, early.statusCode());
        assertTrue(early.body().contains("Not open yet") && early.body().contains("2026-11-20 10:00"), early.body());

        site.clock.set(Instant.parse("2026-11-20T01:00:00Z"));
        assertEquals(200, browser.get(player).statusCode(), "open at the opening minute");

        site.clock.set(Instant.parse("2026-12-20T14:59:59.999Z"));
        assertEquals(200, browser.get(player).statusCode(), "still open in the closing minute");

        site.clock.set(Instant.parse("2026-12-20T15:00:00Z"));
        HttpResponse<String> late = browser.get(player);
        assertEquals(403, late.statusCode());
        assertTrue(late.body().contains("This viewing ID has expired"), late.body());
        assertEquals(403, browser.bytes(player + "/media").statusCode());
    }

    @Test
    void aTrialIdExpiresAfterItsOwnDaysAndWrongOrUnknownIdsGetAPage() throws Exception {
        String code = trialId();
        assertEquals(200, browser.get("/vod/" + code).statusCode());
        Email mail = awaitMail(m -> m.body().contains(code));
        assertEquals("ann@example.com", mail.to());
        assertTrue(mail.body().contains(code) && mail.body().contains("/vod/" + code), mail.body());

        HttpResponse<String> foreign = browser.get("/vod/" + code + "/set-video");
        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.body().contains("This ID is for other videos") && foreign.body().contains("Trial"),
                foreign.body());

        HttpResponse<String> unknown = browser.get("/vod/AAAA-BBBB-CCCC-DDDD-EEEE");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("Viewing ID not found"), unknown.body());
        HttpResponse<String> japanese = browser.get("/vod/AAAA-BBBB-CCCC-DDDD-EEEE?lang=ja");
        assertTrue(japanese.body().contains("視聴IDが見つかりません"), japanese.body());

        // typed in lower case with spaces, the ID still opens
        assertEquals(200, browser.get("/vod/" + code.toLowerCase().replace("-", "%20")).statusCode());

        site.clock.advance(Duration.ofDays(14).minusMillis(1));
        assertEquals(200, browser.get("/vod/" + code).statusCode());
        site.clock.advance(Duration.ofMillis(1));
        assertEquals(403, browser.get("/vod/" + code).statusCode(), "14 days after issue the trial ends");
    }

    @Test
    void progressThatSkipsAheadDoesNotCompleteAndRealWatchingDoes() throws Exception {
        String code = trialId();
        String report = "/api/vod/" + code + "/videos/trial-video/progress";

        assertEquals(415, browser.post(report, Map.of("played", "[]")).statusCode(), "JSON only");
        assertEquals(400, browser.postJson(report, "{\"played\": [[5, 2]]}").statusCode());
        assertEquals(200, browser.postJson(report, "{\"played\": []}").statusCode());

        // seek straight to the last second and play it: the end is reached, little is watched
        site.clock.advance(Duration.ofSeconds(2));
        HttpResponse<String> skipped = browser.postJson(report, "{\"played\": [[7.0, 8.0]]}");
        assertTrue(skipped.body().contains("\"completed\":false"), skipped.body());
        assertTrue(skipped.body().contains("\"furthestSecond\":8.0"), skipped.body());

        site.clock.advance(Duration.ofSeconds(8));
        HttpResponse<String> watched = browser.postJson(report, "{\"played\": [[0, 7.0]]}");
        assertTrue(watched.body().contains("\"completed\":true"), watched.body());
        assertTrue(watched.body().contains("\"percent\":100"), watched.body());

        String json = browser.get("/api/vod/" + code).body();
        assertTrue(json.contains("\"video\":\"trial-video\"") && json.contains("\"completed\":true"), json);
        assertTrue(browser.get("/vod/" + code).body().contains("Completed"), "the participant sees the progress");
        assertEquals(403, browser.postJson("/api/vod/" + code + "/videos/set-video/progress", "{\"played\": []}")
                .statusCode(), "no reports for another seminar's video");
    }

    @Test
    void staffApproveRequestsAndSeeIssuedActiveAndCompletedPerSeminar() throws Exception {
        site.clock.set(Instant.parse("2026-11-21T03:00:00Z"));
        browser.get("/vod/request/vod-set-2026");
        HttpResponse<String> asked = browser.submit("/vod/request/vod-set-2026",
                Map.of("name", "石田 花子", "email", "hanako@example.jp", "organization", "病院"));
        assertEquals(200, asked.statusCode());
        assertTrue(asked.body().contains("Request received"), asked.body());
        HttpResponse<String> bad = browser.submit("/vod/request/vod-set-2026",
                Map.of("name", "x", "email", "not an address", "organization", "y"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Email: this is not an email address"), bad.body());

        site.staff("staff@example.jp", StaffRole.ADMIN, "a long staff password");
        Browser staff = new Browser(site);
        staff.logIn("staff@example.jp", "a long staff password");
        String page = staff.get("/staff/vod").body();
        assertTrue(page.contains("石田 花子") && page.contains("hanako@example.jp"), page);
        assertTrue(site.audit().stream().anyMatch(e -> e.action().equals("read viewing-ID requests")));
        Matcher approve = Pattern.compile("/staff/vod/requests/([0-9]+)/approve").matcher(page);
        assertTrue(approve.find(), page);

        HttpResponse<String> approved = staff.post(approve.group(), Map.of("csrf", Browser.csrf(page)));
        assertEquals(303, approved.statusCode(), approved.body());
        Email mail = awaitMail(m -> m.to().equals("hanako@example.jp") && CODE.matcher(m.body()).find());
        Matcher code = CODE.matcher(mail.body());
        assertTrue(code.find(), mail.body());
        assertEquals(200, browser.get("/vod/" + code.group()).statusCode());
        trialId();

        String counts = staff.get("/staff/vod").body();
        assertTrue(counts.contains("<tr data-seminar=\"vod-set-2026\"><td>Video learning</td><td>2026</td>"
                + "<td class=\"issued\">1</td><td class=\"active\">1</td><td class=\"completed\">0</td>"
                + "<td class=\"waiting\">0</td></tr>"), counts);
        assertTrue(counts.contains("<tr data-seminar=\"vod-trial-2026\"><td>Trial</td><td>2026</td>"
                + "<td class=\"issued\">1</td><td class=\"active\">1</td>"), counts);
        assertFalse(List.of(staff.post(approve.group(), Map.of()).statusCode()).contains(303), "CSRF needed");
    }

    @Test
    void passwordRequestsAreRecordedAndCountedPerFiscalYearForStaff() throws Exception {
        String enter = browser.get("/vod").body();
        assertTrue(enter.contains("href=\"/documents/set-handout\""), enter);
        browser.get("/documents/set-handout");
        HttpResponse<String> asked = browser.submit("/documents/set-handout", Map.of("name", "石田 花子",
                "email", "hanako@example.jp", "organization", "病院", "purpose", "院内研修"));
        assertEquals(200, asked.statusCode(), asked.body());
        awaitMail(m -> m.to().equals("hanako@example.jp") && m.subject().contains("配布資料"));
        assertEquals(404, browser.get("/documents/no-such-document").statusCode());

        site.staff("staff@example.jp", StaffRole.ADMIN, "a long staff password");
        Browser staff = new Browser(site);
        staff.logIn("staff@example.jp", "a long staff password");
        String page = staff.get("/staff/vod").body();
        assertTrue(page.contains("<tr><td>2026</td><td>配布資料</td><td class=\"count\">1</td></tr>"), page);
        assertTrue(page.contains("院内研修"), page);
        assertTrue(site.audit().stream().anyMatch(e -> e.action().equals("read password requests")));
    }
}
