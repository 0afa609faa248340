package org.manabi.server.internal;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** The texts of the web pages and emails in one language ({@code web.properties}, {@code web_ja.properties}). */
public final class Texts {

    private static final Texts JAPANESE = new Texts(Locale.JAPANESE);
    private static final Texts ENGLISH = new Texts(Locale.ENGLISH);

    private final Locale locale;
    private final Map<String, String> all;

    private Texts(Locale locale) {
        this.locale = locale;
        // ROOT fallback only: the machine's default locale must not decide the English pages
        ResourceBundle bundle = ResourceBundle.getBundle("org.manabi.server.internal.web", locale,
                Texts.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> texts = new HashMap<>();
        for (String key : Collections.list(bundle.getKeys())) {
            texts.put(key, bundle.getString(key));
        }
        this.all = Map.copyOf(texts);
    }

    /** {@code ja} or {@code en}; anything else is English. */
    public static Texts of(String language) {
        return "ja".equals(language) ? JAPANESE : ENGLISH;
    }

    public String language() {
        return locale.getLanguage();
    }

    public boolean japanese() {
        return this == JAPANESE;
    }

    public String get(String key) {
        String text = all.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text " + key + " in web_" + language() + ".properties");
        }
        return text;
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), locale).format(arguments);
    }

    /** Every text, for the templates ({@code {{t.key}}}). */
    public Map<String, String> all() {
        return all;
    }
}
