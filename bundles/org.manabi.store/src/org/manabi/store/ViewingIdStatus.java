package org.manabi.store;

/** Where a viewing ID stands: asked for and waiting for staff, issued (has a code), or refused. */
public enum ViewingIdStatus {
    REQUESTED, ISSUED, REFUSED;

    /** The value stored in the database. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ViewingIdStatus ofKey(String key) {
        return valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }
}
