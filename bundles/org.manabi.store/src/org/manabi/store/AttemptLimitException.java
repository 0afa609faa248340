package org.manabi.store;

/** A participant asked for one more attempt than the quiz allows. */
public final class AttemptLimitException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    public AttemptLimitException(String paperId, int limit) {
        super("All " + limit + " attempts at " + paperId + " are used", null);
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
