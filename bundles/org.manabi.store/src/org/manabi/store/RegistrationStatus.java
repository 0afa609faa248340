package org.manabi.store;

import java.util.Locale;

/** Where a registration stands: a seat, a place on the pool's waiting list, or given up. */
public enum RegistrationStatus {
    CONFIRMED, WAITING, CANCELLED;

    /** The name used in the database and the API: {@code confirmed}, {@code waiting}, {@code cancelled}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RegistrationStatus ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
