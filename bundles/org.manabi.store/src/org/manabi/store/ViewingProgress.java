package org.manabi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.manabi.store.WatchedIntervals.Interval;

/**
 * Watching progress reported by the player, kept so that skipping ahead does not count.
 * <p>
 * The player reports the parts it played; the server merges them with what it had. A video is
 * complete when the merged parts cover {@link #COMPLETION} (95 %) of the duration the content gives
 * — reaching the end by seeking covers nothing. Because the reports come from the browser and can
 * be forged, coverage can grow no faster than the wall clock allows: since the first report of an
 * ID for a video, at most {@link #MAX_RATE} times the elapsed time plus {@link #SLACK} can be
 * covered (players offer up to double speed; the slack absorbs a report sent just before the
 * first). What a report claims beyond that is dropped, not banked: it must be played again.
 */
public final class ViewingProgress {

    /** The share of a video that must be watched to complete it. */
    public static final double COMPLETION = 0.95;
    /** The fastest playback a player offers: coverage may grow at twice the wall clock, no faster. */
    public static final double MAX_RATE = 2.0;
    /** Coverage allowed beyond the rate, for the time between pressing play and the first report. */
    public static final Duration SLACK = Duration.ofSeconds(5);
    /** A report or a merged record of more parts than this is refused: no player makes so many. */
    public static final int MAX_PARTS = 1000;

    private final Database database;
    private final Clock clock;

    public ViewingProgress(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Adds the parts a player reports having played of {@code videoId} (milliseconds; any order,
     * overlaps allowed) to what the viewing ID had watched, within the wall-clock allowance.
     *
     * @throws IllegalArgumentException when the report carries more than {@link #MAX_PARTS} parts
     */
    public Progress report(long viewingId, String videoId, int durationSeconds, List<Interval> played)
            throws StoreException {
        if (played.size() > MAX_PARTS) {
            throw new IllegalArgumentException("a report of " + played.size() + " parts; at most " + MAX_PARTS);
        }
        long durationMs = durationSeconds * 1000L;
        WatchedIntervals reported = WatchedIntervals.of(played, durationMs);
        return database.inTransaction("record watching progress", connection -> {
            Instant now = clock.instant();
            Optional<Progress> before = one(connection, viewingId, videoId, durationMs, true);
            Instant started = before.map(Progress::startedAt).orElse(now);
            WatchedIntervals had = before.map(Progress::watched).orElse(WatchedIntervals.NONE);
            long allowed = (long) (Duration.between(started, now).toMillis() * MAX_RATE) + SLACK.toMillis();
            WatchedIntervals watched = had.plus(reported, allowed - had.covered(), durationMs);
            if (watched.parts().size() > MAX_PARTS) {
                watched = had;
            }
            Instant completed = before.map(Progress::completedAt).orElse(null);
            if (completed == null && durationMs > 0 && watched.covered() >= COMPLETION * durationMs) {
                completed = now;
            }
            String sql = before.isPresent()
                    ? "UPDATE viewing_progress SET intervals = ?, watched_ms = ?, furthest_ms = ?, reported_at = ?, "
                            + "completed_at = ?, started_at = ? WHERE viewing_id = ? AND video_id = ?"
                    : "INSERT INTO viewing_progress (intervals, watched_ms, furthest_ms, reported_at, completed_at, "
                            + "started_at, viewing_id, video_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement write = connection.prepareStatement(sql)) {
                write.setString(1, watched.toString());
                write.setLong(2, watched.covered());
                write.setLong(3, watched.furthest());
                write.setTimestamp(4, Timestamp.from(now));
                write.setTimestamp(5, completed == null ? null : Timestamp.from(completed));
                write.setTimestamp(6, Timestamp.from(started));
                write.setLong(7, viewingId);
                write.setString(8, videoId);
                write.executeUpdate();
            }
            connection.commit();
            return new Progress(videoId, watched, durationMs, started, now, completed);
        });
    }

    /**
     * What {@code viewingId} has watched, by video id, for the videos of {@code durations} (video id →
     * duration in seconds, as the content gives it).
     */
    public Map<String, Progress> of(long viewingId, Map<String, Integer> durations) throws StoreException {
        return database.inTransaction("read watching progress", connection -> {
            Map<String, Progress> progress = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> video : durations.entrySet()) {
                one(connection, viewingId, video.getKey(), video.getValue() * 1000L, false)
                        .ifPresent(p -> progress.put(video.getKey(), p));
            }
            connection.commit();
            return progress;
        });
    }

    /** The videos each viewing ID has completed: the staff's counts are made from it. */
    public Map<Long, Set<String>> completedVideos() throws StoreException {
        return database.inTransaction("read watching progress", connection -> {
            Map<Long, Set<String>> completed = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT viewing_id, video_id FROM viewing_progress WHERE completed_at IS NOT NULL");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    completed.computeIfAbsent(rows.getLong(1), id -> new HashSet<>()).add(rows.getString(2));
                }
            }
            connection.commit();
            return completed;
        });
    }

    private static Optional<Progress> one(Connection connection, long viewingId, String videoId, long durationMs,
            boolean lock) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT intervals, started_at, reported_at, completed_at "
                + "FROM viewing_progress WHERE viewing_id = ? AND video_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            query.setLong(1, viewingId);
            query.setString(2, videoId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Progress(videoId, WatchedIntervals.parse(rows.getString(1), durationMs), durationMs,
                        ViewingIds.instant(rows, "started_at"), ViewingIds.instant(rows, "reported_at"),
                        ViewingIds.instant(rows, "completed_at")));
            }
        }
    }
}
