package org.manabi.server.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.manabi.server.Catalogue;
import org.manabi.server.ServerSettings;
import org.manabi.server.VodLibrary;
import org.manabi.server.VodLibrary.Chapter;
import org.manabi.server.VodLibrary.Course;
import org.manabi.server.VodLibrary.VideoSource;
import org.manabi.server.internal.RegistrationDesk.InputProblem;
import org.manabi.store.Progress;
import org.manabi.store.Registration;
import org.manabi.store.RegistrationStatus;
import org.manabi.store.Registrations;
import org.manabi.store.StoreException;
import org.manabi.store.ViewingId;
import org.manabi.store.ViewingIdStatus;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The participants' VOD pages under {@code /vod}: typing a viewing ID, the videos an ID opens with
 * the holder's progress, the player (progress is reported by {@code /static/vod-player.js}; the
 * video plays without script too, unrecorded), the video file itself with range requests, the
 * request form of the video-learning sets, and issuing the ID of a registration from its personal
 * page. An ID that does not open the video — unknown, for other content, before or after its
 * window — gets a page that says which, in the holder's language.
 */
public final class VodPages extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient VodDesk desk;
    private final transient Catalogue catalogue;
    private final transient Registrations registrations;
    private final transient RateLimiter requestLimit;
    private final transient ServerSettings settings;
    private final transient Pages pages = new Pages();

    public VodPages(VodDesk desk, Catalogue catalogue, Registrations registrations, RateLimiter requestLimit,
            ServerSettings settings) {
        this.desk = desk;
        this.catalogue = catalogue;
        this.registrations = registrations;
        this.requestLimit = requestLimit;
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Texts texts = Pages.texts(request, response);
        String[] path = Http.path(request);
        // the ID is the key to the videos: keep it out of referrers
        response.setHeader("Referrer-Policy", "no-referrer");
        try {
            if (path.length == 0) {
                enter(request, response, texts);
            } else if (path.length == 2 && path[0].equals("request")) {
                Optional<Course> course = desk.library().course(path[1]).filter(VodDesk::takesRequests);
                if (course.isEmpty()) {
                    notFound(request, response, texts);
                } else {
                    requestForm(request, response, texts, course.get(), Map.of(), null, 200);
                }
            } else if (path.length == 1) {
                course(request, response, texts, path[0]);
            } else if (path.length == 2) {
                player(request, response, texts, path[0], path[1]);
            } else if (path.length == 3 && path[2].equals("media")) {
                media(request, response, texts, path[0], path[1]);
            } else {
                notFound(request, response, texts);
            }
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, e, "/vod");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        String[] path = Http.path(request);
        if (!Csrf.valid(request)) {
            pages.message(request, response, 403, texts, texts.get("csrf_heading"), texts.get("csrf_text"), "/");
            return;
        }
        try {
            if (path.length == 1 && path[0].equals("issue")) {
                issue(request, response, texts);
            } else if (path.length == 2 && path[0].equals("request")) {
                Optional<Course> course = desk.library().course(path[1]).filter(VodDesk::takesRequests);
                if (course.isEmpty()) {
                    notFound(request, response, texts);
                } else {
                    request(request, response, texts, course.get());
                }
            } else {
                notFound(request, response, texts);
            }
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, e, "/vod");
        }
    }

    private void enter(HttpServletRequest request, HttpServletResponse response, Texts texts) throws IOException {
        String typed = request.getParameter("id");
        if (typed != null && !typed.isBlank()) {
            response.setStatus(303);
            response.setHeader("Location", "/vod/" + URLEncoder.encode(typed.strip().replace(' ', '-'),
                    StandardCharsets.UTF_8));
            return;
        }
        List<Map<String, Object>> sets = new ArrayList<>();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Course course : desk.library().courses()) {
            if (VodDesk.takesRequests(course) && course.openAt(desk.now())) {
                sets.add(Map.of("seminarId", course.seminarId(), "title", title(course, texts)));
                course.documents().forEach(d -> documents.add(Map.of("id", d.id(), "title", d.title())));
            }
        }
        pages.render(request, response, 200, "vod_enter", texts, texts.get("vod_enter_title"),
                Map.of("sets", sets, "documents", documents));
    }

    private void course(HttpServletRequest request, HttpServletResponse response, Texts texts, String code)
            throws IOException, StoreException {
        ViewingAccess access = desk.access(code, null);
        if (refused(request, response, texts, access)) {
            return;
        }
        Course course = access.course();
        Map<String, Progress> watched = desk.progressOf(access.id(), course);
        List<Map<String, Object>> videos = new ArrayList<>();
        for (VideoSource video : course.videos()) {
            Map<String, Object> row = new HashMap<>();
            row.put("href", "/vod/" + access.id().code() + "/" + video.id());
            row.put("title", video.title());
            row.put("length", minutes(video.durationSeconds()));
            row.put("progress", progressText(watched.get(video.id()), texts));
            row.put("completed", watched.containsKey(video.id()) && watched.get(video.id()).completed());
            videos.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", title(course, texts));
        model.put("code", access.id().code());
        model.put("holder", access.id().name());
        model.put("until", desk.until(access.id(), texts));
        model.put("videos", videos);
        model.put("certificate", course.certificate() != null);
        // the seminar's quiz and survey open with the ID too (QuizPages), unless its registration was cancelled
        boolean taker = access.id().registrationId() == null || registrations.byId(access.id().registrationId())
                .map(r -> r.status() == RegistrationStatus.CONFIRMED).orElse(false);
        model.put("quiz", taker && catalogue.quiz(course.seminarId()).isPresent());
        model.put("survey", taker && catalogue.survey(course.seminarId()).isPresent());
        pages.render(request, response, 200, "vod_course", texts, title(course, texts), model);
    }

    private void player(HttpServletRequest request, HttpServletResponse response, Texts texts, String code,
            String videoId) throws IOException, StoreException {
        Optional<VideoSource> video = desk.library().courses().stream().flatMap(c -> c.videos().stream())
                .filter(v -> v.id().equals(videoId)).findFirst();
        if (video.isEmpty()) {
            notFound(request, response, texts);
            return;
        }
        ViewingAccess access = desk.access(code, video.get().seminarId());
        if (refused(request, response, texts, access)) {
            return;
        }
        VideoSource v = video.get();
        Progress watched = desk.progressOf(access.id(), access.course()).get(v.id());
        List<Map<String, Object>> chapters = new ArrayList<>();
        for (int i = 0; i < v.chapters().size(); i++) {
            Chapter chapter = v.chapters().get(i);
            chapters.add(Map.of("start", chapter.startSecond(), "time", minutes(chapter.startSecond()),
                    "title", chapter.title() == null ? "" : chapter.title(), "seen", VodDesk.chapterSeen(v, i, watched)));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", v.title());
        model.put("course", title(access.course(), texts));
        model.put("courseHref", "/vod/" + access.id().code());
        model.put("source", v.external() != null ? v.external().toString()
                : "/vod/" + access.id().code() + "/" + v.id() + "/media");
        model.put("available", v.external() != null || desk.library().hasFile(v));
        model.put("progressUrl", "/api/vod/" + access.id().code() + "/videos/" + v.id() + "/progress");
        model.put("progress", progressText(watched, texts));
        model.put("chapters", chapters);
        pages.render(request, response, 200, "vod_player", texts, v.title(), model);
    }

    /**
     * The video file, by a forward to the content folder's file servlet ({@link ContentFiles}), which
     * answers range requests (206 with Content-Range, 416 for a range outside the file, If-Range).
     */
    private void media(HttpServletRequest request, HttpServletResponse response, Texts texts, String code,
            String videoId) throws IOException, StoreException, ServletException {
        Optional<VideoSource> video = desk.library().courses().stream().flatMap(c -> c.videos().stream())
                .filter(v -> v.id().equals(videoId)).findFirst();
        if (video.isEmpty() || video.get().file() == null || !desk.library().hasFile(video.get())) {
            notFound(request, response, texts);
            return;
        }
        ViewingAccess access = desk.access(code, video.get().seminarId());
        if (access.verdict() != ViewingAccess.Verdict.OPEN) {
            // a player fetching the file shows no page; the status is what it understands
            response.sendError(access.verdict() == ViewingAccess.Verdict.UNKNOWN ? 404 : 403);
            return;
        }
        response.setHeader("Cache-Control", "private, no-transform");
        ContentFiles.forward(request, response, desk.library(), video.get());
    }

    private void issue(HttpServletRequest request, HttpServletResponse response, Texts texts)
            throws IOException, StoreException {
        String token = request.getParameter("token");
        Optional<Registration> registration = token == null ? Optional.empty() : registrations.find(token);
        if (registration.isEmpty() || !desk.issuesFor(registration.get())) {
            pages.message(request, response, 404, texts, texts.get("vod_no_issue_heading"),
                    texts.get("vod_no_issue_text"), "/");
            return;
        }
        ViewingId id = desk.issueFor(registration.get(), Http.site(request, settings));
        response.setStatus(303);
        response.setHeader("Location", "/vod/" + id.code());
    }

    private void request(HttpServletRequest request, HttpServletResponse response, Texts texts, Course course)
            throws IOException, StoreException {
        Map<String, String> form = Map.of("name", value(request, "name"), "email", value(request, "email"),
                "organization", value(request, "organization"));
        if (!requestLimit.tryAcquire(request.getRemoteAddr())) {
            requestForm(request, response, texts, course, form, texts.get("vod_rate"), 429);
            return;
        }
        ViewingId made;
        try {
            made = desk.request(course, form.get("name"), form.get("email"), form.get("organization"),
                    texts.language(), Http.site(request, settings));
        } catch (InputProblem problem) {
            requestForm(request, response, texts, course, form, problem.message(texts), 400);
            return;
        }
        if (made.status() == ViewingIdStatus.ISSUED) {
            response.setStatus(303);
            response.setHeader("Location", "/vod/" + made.code());
        } else {
            pages.message(request, response, 200, texts, texts.get("vod_requested_heading"),
                    texts.format("vod_requested_text", made.email()), "/vod");
        }
    }

    private void requestForm(HttpServletRequest request, HttpServletResponse response, Texts texts, Course course,
            Map<String, String> form, String problem, int status) throws IOException {
        Map<String, Object> model = new HashMap<>(form);
        model.put("title", title(course, texts));
        model.put("seminarId", course.seminarId());
        model.put("automatic", course.automaticApproval());
        if (course.idValidDays() != null) {
            model.put("validity", texts.format("vod_request_validity", course.idValidDays()));
        }
        if (problem != null) {
            model.put("problem", problem);
        }
        model.put("csrf", Csrf.token(request, response));
        pages.render(request, response, status, "vod_request", texts, texts.get("vod_request_title"), model);
    }

    /** Shows why the ID does not open the videos, and returns true; false when it does. */
    private boolean refused(HttpServletRequest request, HttpServletResponse response, Texts texts,
            ViewingAccess access) throws IOException {
        String key;
        int status;
        switch (access.verdict()) {
            case OPEN -> {
                return false;
            }
            case UNKNOWN -> {
                key = "vod_unknown";
                status = 404;
            }
            case OTHER_CONTENT -> {
                key = "vod_other";
                status = 403;
            }
            case NOT_YET -> {
                key = "vod_not_yet";
                status = 403;
            }
            case WITHDRAWN -> {
                key = "vod_withdrawn";
                status = 410;
            }
            default -> {
                key = "vod_expired";
                status = 403;
            }
        }
        String course = access.course() == null ? "" : title(access.course(), texts);
        String opens = access.course() == null || access.course().opens() == null ? ""
                : StaffDesk.STAMP.format(access.course().opens());
        String until = access.id() == null ? "" : desk.until(access.id(), texts);
        pages.message(request, response, status, texts, texts.get(key + "_heading"),
                texts.format(key + "_text", course, opens, until), "/vod");
        return true;
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, Texts texts) throws IOException {
        pages.message(request, response, 404, texts, texts.get("not_found_heading"), texts.get("not_found_text"), "/vod");
    }

    static String title(Course course, Texts texts) {
        return texts.japanese() || course.englishTitle() == null ? course.title() : course.englishTitle();
    }

    /** "12:05" for 725 seconds; "1:02:05" past an hour. */
    static String minutes(int seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    static String progressText(Progress progress, Texts texts) {
        if (progress == null) {
            return texts.get("vod_not_started");
        }
        return texts.format(progress.completed() ? "vod_progress_completed" : "vod_progress", progress.percent(),
                minutes((int) (progress.watched().covered() / 1000)), minutes((int) (progress.watched().furthest() / 1000)));
    }

    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    static URI site(HttpServletRequest request, ServerSettings settings) {
        return Http.site(request, settings);
    }
}
