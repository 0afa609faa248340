package org.manabi.exchange.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;

/**
 * The model's texts are plain; question banks often hold HTML. Paragraphs and line breaks become new lines
 * and entities characters, silently; any other markup (bold, images, tables, links) is removed with a warning,
 * since what it showed is lost.
 */
final class PlainText {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*>|<!--.*?-->",
            Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Set<String> LAYOUT = Set.of("p", "br", "div", "span");
    private static final Set<String> BREAKS = Set.of("br", "p", "div");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos",
            "'", "nbsp", " ");

    private PlainText() {
    }

    /** The text of an HTML fragment; {@code problems} hears of markup that carried more than layout. */
    static String fromHtml(String html, Problems problems) {
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html.strip();
        }
        // in HTML a line break in the source is a space; <br> and paragraphs are the line breaks
        String flowing = html.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        Set<String> dropped = new TreeSet<>();
        StringBuilder text = new StringBuilder();
        Matcher tag = TAG.matcher(flowing);
        int last = 0;
        while (tag.find()) {
            text.append(flowing, last, tag.start());
            last = tag.end();
            if (tag.group(2) == null) {
                continue; // a comment
            }
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !tag.group(1).isEmpty();
            if (BREAKS.contains(name) && (name.equals("br") || closing) && !text.isEmpty()) {
                text.append('\n');
            }
            if (!LAYOUT.contains(name)) {
                dropped.add("<" + name + ">");
            }
        }
        text.append(flowing.substring(last));
        if (!dropped.isEmpty()) {
            problems.warn(NLS.bind(Messages.Import_markupRemoved, String.join(" ", dropped)));
        }
        return decodeEntities(text.toString()).replaceAll("[ \\t]*\\n[ \\t]*", "\n").strip();
    }

    private static String decodeEntities(String text) {
        Matcher entity = ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String replacement = NAMED.getOrDefault(name, entity.group());
            if (name.startsWith("#")) {
                boolean hex = name.startsWith("#x") || name.startsWith("#X");
                try {
                    replacement = Character.toString(Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10));
                } catch (IllegalArgumentException e) {
                    // not a character (too large, or a surrogate): leave the entity as written
                }
            }
            entity.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(decoded);
        return decoded.toString();
    }

    /** Plain text as HTML that shows the same: special characters escaped, new lines as {@code <br>}. */
    static String toHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\r\n", "\n").replace("\n", "<br>");
    }
}
