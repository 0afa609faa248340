package org.manabi.store;

/** The address already holds a registration (seat or waiting) for the seminar. */
public final class DuplicateRegistrationException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final transient Registration existing;

    public DuplicateRegistrationException(Registration existing) {
        super("The address " + existing.applicant().email() + " is already registered for " + existing.seminarId(), null);
        this.existing = existing;
    }

    /** The registration the address already holds; its link is to be sent to that address only. */
    public Registration existing() {
        return existing;
    }
}
