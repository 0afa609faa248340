package org.manabi.store;

import java.util.Locale;

/** What a staff member may see: the committee's admins everything, instructors their seminars. */
public enum StaffRole {
    /** The committee: every seminar, the staff accounts, the audit log. */
    ADMIN,
    /** An instructor: the registrants of the seminars in their scope, nothing else. */
    INSTRUCTOR;

    /** The name used in the database, the API and forms: {@code admin}, {@code instructor}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code key}, or {@code null} when there is none of that name. */
    public static StaffRole ofKey(String key) {
        for (StaffRole role : values()) {
            if (role.key().equals(key)) {
                return role;
            }
        }
        return null;
    }
}
