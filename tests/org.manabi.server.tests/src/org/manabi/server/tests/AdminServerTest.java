package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.manabi.server.AdminServer;
import org.manabi.store.Backups;
import org.manabi.store.Pool;

/**
 * The administration door of {@code serve}: on loopback, a backup for the run's token only.
 */
class AdminServerTest {

    private static final String TOKEN = "Gq3v0tY3pW1c-the-token-of-this-run";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBackupForTheTokenOfThisRunAndNothingWithoutIt() throws Exception {
        try (TestSite site = new TestSite(0); AdminServer door = AdminServer.start(site.database, TOKEN)) {
            site.register("free-web-2026", Pool.WEB, "青木", "あおき", Map.of());
            site.register("free-web-2026", Pool.WEB, "馬場", "ばば", Map.of());
            assertEquals("127.0.0.1", door.uri().getHost(), "loopback only");

            assertEquals(403, backup(door, null).statusCode());
            assertEquals(403, backup(door, "Bearer " + TOKEN.substring(1)).statusCode());
            assertEquals(403, backup(door, "Bearer " + TOKEN + "x").statusCode());
            HttpResponse<byte[]> refused = backup(door, TOKEN);
            assertEquals(403, refused.statusCode(), "the token without its scheme");
            assertEquals("backups are for ./manabi backup on this machine", new String(refused.body(), StandardCharsets.UTF_8));
            assertEquals(405, http.send(HttpRequest.newBuilder(door.uri().resolve("backup")).header("Authorization",
                    "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode(), "POST only");
            assertEquals(404, http.send(HttpRequest.newBuilder(door.uri().resolve("../api/seminars")).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), "the site itself is not behind the door");

            HttpResponse<byte[]> backup = backup(door, "Bearer " + TOKEN);

            assertEquals(200, backup.statusCode());
            Backups.Summary summary = Backups.check(new ByteArrayInputStream(backup.body()));
            assertEquals(2, summary.rows().get("registration"));
        }
    }

    private HttpResponse<byte[]> backup(AdminServer door, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(door.uri().resolve("backup"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
