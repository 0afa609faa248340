package org.manabi.logging;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.slf4j.event.KeyValuePair;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;

/**
 * One log event as one logfmt record on one line:
 * {@code ts=2026-11-21T10:42:01.512Z level=info logger=manabi.access thread=manabi-http-23 msg=request
 * method=POST status=201}, then the event's own key-value pairs (SLF4J's {@code addKeyValue}), then
 * {@code error="…"} with the stack trace of an exception. A value is written as it is when it is one
 * plain word, else in double quotes with {@code \"}, {@code \\}, {@code \n} and control characters
 * escaped, so that no message can start a second line or forge a key.
 * <p>
 * It lives in a fragment of logback-classic because logback instantiates the layout that
 * {@code logback.xml} names with its own class loader.
 */
public final class LogfmtLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(192);
        line.append("ts=").append(Instant.ofEpochMilli(event.getTimeStamp()));
        line.append(" level=").append(event.getLevel().toString().toLowerCase(Locale.ROOT));
        append(line, "logger", event.getLoggerName());
        append(line, "thread", event.getThreadName());
        append(line, "msg", event.getFormattedMessage());
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                append(line, key(pair.key), String.valueOf(pair.value));
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            append(line, "error", ThrowableProxyUtil.asString(thrown));
        }
        return line.append('\n').toString();
    }

    private static void append(StringBuilder line, String key, String value) {
        line.append(' ').append(key).append('=');
        value(line, value);
    }

    /** A key is a plain word: anything else in it becomes {@code _}. */
    static String key(String key) {
        if (key == null || key.isEmpty()) {
            return "_";
        }
        if (plain(key)) {
            return key; // as nearly every key is
        }
        StringBuilder plain = new StringBuilder(key.length());
        key.codePoints().forEach(c -> plain.append(c > ' ' && c < 127 && c != '"' && c != '=' ? (char) c : '_'));
        return plain.toString();
    }

    /** Whether {@code value} is one plain word (a loop, not a stream: every record has several values). */
    private static boolean plain(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 127 || c == '"' || c == '=' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Appends {@code value}, bare when it is one plain word, else quoted and escaped. */
    static void value(StringBuilder line, String value) {
        if (plain(value)) {
            line.append(value);
            return;
        }
        line.append('"');
        if (value != null) {
            value.codePoints().forEach(c -> {
                switch (c) {
                    case '"' -> line.append("\\\"");
                    case '\\' -> line.append("\\\\");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    case '\t' -> line.append("\\t");
                    default -> {
                        if (c < ' ' || c == 127 || c == 0x2028 || c == 0x2029 || c == 0x85) {
                            line.append(String.format(Locale.ROOT, "\\u%04x", c));
                        } else {
                            line.appendCodePoint(c);
                        }
                    }
                }
            });
        }
        line.append('"');
    }
}
