package org.manabi.server.internal;

import java.time.Instant;
import java.util.Optional;

import org.manabi.server.VodLibrary;
import org.manabi.server.VodLibrary.Course;
import org.manabi.store.ViewingId;
import org.manabi.store.ViewingIdStatus;

/**
 * Whether a viewing ID opens a seminar's videos at a moment: only an issued ID, only for its own
 * seminar, only inside the seminar's VOD window (Japan time, from the opening minute through the
 * closing minute) and before the ID's own expiry.
 */
record ViewingAccess(Verdict verdict, ViewingId id, Course course) {

    enum Verdict {
        /** The ID opens the videos now. */
        OPEN,
        /** No issued ID has this code. */
        UNKNOWN,
        /** The ID is for another seminar than the video asked for. */
        OTHER_CONTENT,
        /** The window has not opened yet. */
        NOT_YET,
        /** The window has closed, or the ID's own expiry has passed. */
        EXPIRED,
        /** The seminar is no longer offered on demand (withdrawn from the content). */
        WITHDRAWN
    }

    /**
     * The verdict on {@code id} for the videos of {@code seminarId} ({@code null}: the ID's own
     * seminar) at {@code now}.
     */
    static ViewingAccess of(Optional<ViewingId> id, String seminarId, VodLibrary library, Instant now) {
        if (id.isEmpty() || id.get().status() != ViewingIdStatus.ISSUED) {
            return new ViewingAccess(Verdict.UNKNOWN, null, null);
        }
        ViewingId viewing = id.get();
        Optional<Course> course = library.course(viewing.seminarId());
        if (course.isEmpty()) {
            return new ViewingAccess(Verdict.WITHDRAWN, viewing, null);
        }
        if (seminarId != null && !seminarId.equals(viewing.seminarId())) {
            return new ViewingAccess(Verdict.OTHER_CONTENT, viewing, course.get());
        }
        if (course.get().notYetOpenAt(now)) {
            return new ViewingAccess(Verdict.NOT_YET, viewing, course.get());
        }
        if (!course.get().openAt(now) || !viewing.unexpiredAt(now)) {
            return new ViewingAccess(Verdict.EXPIRED, viewing, course.get());
        }
        return new ViewingAccess(Verdict.OPEN, viewing, course.get());
    }
}
