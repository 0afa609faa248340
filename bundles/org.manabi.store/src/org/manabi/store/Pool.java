package org.manabi.store;

import java.util.Locale;

/** A seat pool of a seminar: seats in the room, or places in the web meeting. */
public enum Pool {
    ONSITE, WEB;

    /** The name used in the database, the API and URLs: {@code onsite}, {@code web}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The pool named {@code key}, or {@code null} when there is none of that name. */
    public static Pool ofKey(String key) {
        for (Pool pool : values()) {
            if (pool.key().equals(key)) {
                return pool;
            }
        }
        return null;
    }
}
