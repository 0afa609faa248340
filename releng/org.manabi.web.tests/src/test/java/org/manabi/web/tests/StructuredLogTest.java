package org.manabi.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.web.tests.Api.Answer;
import org.manabi.web.tests.Api.Person;

/**
 * Every line a real {@code ./manabi serve} writes to stderr, from its start to its stop, is one logfmt
 * record: {@code ts=… level=… logger=… thread=… msg=…} and then key=value pairs, values bare or quoted
 * with escapes. No line holds a personal token or an email address.
 */
class StructuredLogTest {

    /** One pair: a key, then a bare word or a quoted string with backslash escapes; a space between pairs. */
    private static final Pattern PAIR = Pattern.compile("([A-Za-z0-9_.\\-]+)=([^ \"=\\\\\\p{Cntrl}]+|\"(?:\\\\[\"\\\\nrt]|\\\\u[0-9a-f]{4}|[^\"\\\\\\p{Cntrl}])*\")( |$)");
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error");

    @Test
    void everyLineOfARunIsOneRecordWithoutPersonalData(@TempDir Path folder) throws Exception {
        Path content = TestContent.write(folder, 50, 50);
        ServeProcess node = ServeProcess.start("log", content, folder.resolve("data"));
        List<String> secrets = new ArrayList<>();
        try {
            Api api = new Api();
            for (int n = 0; n < 3; n++) {
                Person person = Person.numbered(n, "web");
                Answer answer = api.register(node.site(), TestContent.SEMINAR, person);
                assertEquals(201, answer.status(), answer.text());
                secrets.add(answer.field("token"));
                secrets.add(person.email());
                assertEquals(200, api.registration(node.site(), answer.field("token")).status());
            }
            HttpClient http = HttpClient.newHttpClient();
            // a path with an equals sign (and an encoded quote and space): the record must quote it
            HttpResponse<Void> odd = http.send(HttpRequest.newBuilder(URI.create(node.site() + "seminars/a%22b%20c=d"))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(404, odd.statusCode());
            http.send(HttpRequest.newBuilder(node.resolve("/r/" + secrets.get(0))).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } finally {
            node.close();
        }

        List<String> lines = node.log().lines().toList();
        assertTrue(lines.size() > 5, "the run logged its start, its requests and its stop:\n" + node.log());
        List<Map<String, String>> records = new ArrayList<>();
        for (String line : lines) {
            records.add(record(line));
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "personal data in the log: " + line);
            }
        }
        assertTrue(records.stream().anyMatch(r -> r.get("logger").equals("manabi.access")
                && "\"/seminars/a%22b%20c=d\"".equals(r.get("path")) && "404".equals(r.get("status"))),
                "the odd path, as it came (encoded) and quoted for its equals sign:\n" + node.log());
        assertTrue(records.stream().anyMatch(r -> "/r/{token}".equals(r.get("path"))), node.log());
        assertTrue(records.stream().anyMatch(r -> r.get("logger").startsWith("org.eclipse.jetty")),
                "the libraries' lines are records too:\n" + node.log());
    }

    /** The pairs of one record, or an assertion error naming the line. */
    private static Map<String, String> record(String line) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Matcher pair = PAIR.matcher(line);
        int at = 0;
        while (at < line.length()) {
            assertTrue(pair.find(at) && pair.start() == at, "not one logfmt record at column " + at + ": " + line);
            assertFalse(pairs.containsKey(pair.group(1)), "a key twice: " + line);
            pairs.put(pair.group(1), pair.group(2));
            at = pair.end();
        }
        assertEquals(List.of("ts", "level", "logger", "thread", "msg"), new ArrayList<>(pairs.keySet()).subList(0,
                Math.min(5, pairs.size())), "ts, level, logger, thread and msg first: " + line);
        Instant.parse(pairs.get("ts"));
        assertTrue(LEVELS.contains(pairs.get("level")), line);
        return pairs;
    }
}
