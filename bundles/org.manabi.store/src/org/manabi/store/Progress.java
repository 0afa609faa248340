package org.manabi.store;

import java.time.Instant;

/**
 * What one viewing ID has watched of one video.
 *
 * @param completedAt when the watched parts first covered {@link ViewingProgress#COMPLETION} of the
 *                    video, or {@code null}
 */
public record Progress(String videoId, WatchedIntervals watched, long durationMs, Instant startedAt,
        Instant reportedAt, Instant completedAt) {

    public boolean completed() {
        return completedAt != null;
    }

    /** The share watched, 0 to 100, rounded down: 100 only when every moment was seen. */
    public int percent() {
        return durationMs == 0 ? 0 : (int) (watched.covered() * 100 / durationMs);
    }
}
