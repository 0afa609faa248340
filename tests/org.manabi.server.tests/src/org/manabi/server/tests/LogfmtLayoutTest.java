package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.manabi.logging.LogfmtLayout;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

/**
 * The layout every log line of the server goes through (the access records among them): one record on
 * one line, whatever a message or a value holds.
 */
class LogfmtLayoutTest {

    private final Logger logger = new LoggerContext().getLogger("manabi.access");

    private static String layout(LoggingEvent event) {
        event.setTimeStamp(1_795_300_000_123L);
        event.setThreadName("manabi-http-7");
        return new LogfmtLayout().doLayout(event);
    }

    @Test
    void plainWordsStayBareAndKeyValuesFollowTheMessage() {
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "request", null, null);
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("status", 201));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("path", "/r/{token}"));

        assertEquals("ts=2026-11-21T22:26:40.123Z level=info logger=manabi.access thread=manabi-http-7 msg=request "
                + "status=201 path=/r/{token}\n", layout(event));
    }

    @Test
    void quotesBackslashesLineBreaksAndEqualsSignsCannotForgeAKeyOrALine() {
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.WARN, "受講者 \"{}\" said a=b\nlevel=error\\",
                new IllegalStateException("boom"), new Object[] { "青木" });
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("bad key", "x\ty\u0001"));

        String line = layout(event);

        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("ts=2026-11-21T22:26:40.123Z level=warn logger=manabi.access thread=manabi-http-7 "
                + "msg=\"受講者 \\\"青木\\\" said a=b\\nlevel=error\\\\\" bad_key=\"x\\ty\\u0001\" error=\""
                + "java.lang.IllegalStateException: boom\\n"), line);
        assertTrue(line.endsWith("\"\n"), line);
    }
}
