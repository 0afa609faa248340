package org.manabi.server.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.manabi.server.VodLibrary.Course;
import org.manabi.server.VodLibrary.VideoSource;
import org.manabi.store.Progress;
import org.manabi.store.StoreException;
import org.manabi.store.ViewingProgress;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The VOD JSON API under {@code /api/vod} (docs/API.md): what a viewing ID opens and how far its
 * holder has watched ({@code GET /api/vod/{id}}), and the player's progress reports
 * ({@code POST /api/vod/{id}/videos/{video}/progress}). The viewing ID in the path is the
 * credential; a report must be sent as JSON, which no other site can make a browser do unasked.
 */
public final class VodApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient VodDesk desk;

    public VodApiServlet(VodDesk desk) {
        this.desk = desk;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = Http.path(request);
        if (path.length != 1) {
            Json.error(response, 404, "No such resource: GET /api/vod/{id}", null);
            return;
        }
        try {
            ViewingAccess access = desk.access(path[0], null);
            if (refused(response, access)) {
                return;
            }
            Course course = access.course();
            Map<String, Progress> watched = desk.progressOf(access.id(), course);
            List<Map<String, Object>> videos = new ArrayList<>();
            for (VideoSource video : course.videos()) {
                videos.add(progress(video, watched.get(video.id())));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("seminar", course.seminarId());
            body.put("title", course.title());
            body.put("opens", Json.time(course.opens()));
            body.put("closes", Json.time(course.closes()));
            body.put("expires", Json.time(access.id().expiresAt()));
            body.put("videos", videos);
            Json.write(response, 200, body);
        } catch (StoreException e) {
            Json.unavailable(response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = Http.path(request);
        if (path.length != 4 || !path[1].equals("videos") || !path[3].equals("progress")) {
            Json.error(response, 404, "No such resource: POST /api/vod/{id}/videos/{video}/progress", null);
            return;
        }
        if (!Json.typed(request, response)) {
            return;
        }
        byte[] body = Http.body(request);
        if (body == null) {
            Json.error(response, 413, "The report is larger than " + Http.MAX_BODY + " bytes", null);
            return;
        }
        List<double[]> played;
        try {
            played = played(Json.mapper().readTree(body));
        } catch (IOException | IllegalArgumentException e) {
            Json.error(response, 400, "Send {\"played\": [[start, end], …]} in seconds, each start ≤ end, "
                    + "at most " + ViewingProgress.MAX_PARTS + " parts: " + e.getMessage(), "played");
            return;
        }
        try {
            Optional<VideoSource> video = desk.library().courses().stream().flatMap(c -> c.videos().stream())
                    .filter(v -> v.id().equals(path[2])).findFirst();
            if (video.isEmpty()) {
                Json.error(response, 404, "No video " + path[2], null);
                return;
            }
            ViewingAccess access = desk.access(path[0], video.get().seminarId());
            if (refused(response, access)) {
                return;
            }
            Progress progress = desk.report(access.id(), video.get(), played);
            Map<String, Object> answer = progress(video.get(), progress);
            answer.put("summary", VodPages.progressText(progress, Pages.texts(request, response)));
            Json.write(response, 200, answer);
        } catch (StoreException e) {
            Json.unavailable(response, e);
        }
    }

    private static List<double[]> played(JsonNode root) {
        JsonNode parts = root == null ? null : root.get("played");
        if (parts == null || !parts.isArray()) {
            throw new IllegalArgumentException("no array \"played\"");
        }
        if (parts.size() > ViewingProgress.MAX_PARTS) {
            throw new IllegalArgumentException(parts.size() + " parts");
        }
        List<double[]> played = new ArrayList<>();
        for (JsonNode part : parts) {
            if (!part.isArray() || part.size() != 2 || !part.get(0).isNumber() || !part.get(1).isNumber()) {
                throw new IllegalArgumentException("a part is not [start, end]: " + part);
            }
            double start = part.get(0).asDouble();
            double end = part.get(1).asDouble();
            if (!(start >= 0) || !(end >= start) || end > 1e7) {
                throw new IllegalArgumentException("a part runs backwards or outside any video: " + part);
            }
            played.add(new double[] { start, end });
        }
        return played;
    }

    private static Map<String, Object> progress(VideoSource video, Progress progress) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("video", video.id());
        row.put("title", video.title());
        row.put("durationSeconds", video.durationSeconds());
        row.put("watchedSeconds", progress == null ? 0 : progress.watched().covered() / 1000.0);
        row.put("furthestSecond", progress == null ? 0 : progress.watched().furthest() / 1000.0);
        row.put("percent", progress == null ? 0 : progress.percent());
        row.put("completed", progress != null && progress.completed());
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < video.chapters().size(); i++) {
            if (VodDesk.chapterSeen(video, i, progress)) {
                seen.add(i);
            }
        }
        row.put("chaptersSeen", seen);
        return row;
    }

    private static boolean refused(HttpServletResponse response, ViewingAccess access) throws IOException {
        switch (access.verdict()) {
            case OPEN -> {
                return false;
            }
            case UNKNOWN -> Json.error(response, 404, "No viewing ID has this code", null);
            case OTHER_CONTENT -> Json.error(response, 403, "This viewing ID is for the videos of "
                    + access.id().seminarId() + ", not these", null);
            case NOT_YET -> Json.error(response, 403, "The videos open at " + Json.time(access.course().opens()), null);
            case WITHDRAWN -> Json.error(response, 410, "The seminar is no longer offered on demand", null);
            default -> Json.error(response, 403, "This viewing ID has expired", null);
        }
        return true;
    }
}
