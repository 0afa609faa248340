package org.manabi.server;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.resource.Resource;
import org.manabi.content.ContentRepository;
import org.manabi.model.CertificateRule;
import org.manabi.model.Curriculum;
import org.manabi.model.FiscalYearPlan;
import org.manabi.model.Material;
import org.manabi.model.ProtectedDocument;
import org.manabi.model.Seminar;
import org.manabi.model.SeminarStatus;
import org.manabi.model.Video;
import org.manabi.model.VodWindow;

/**
 * The seminars' videos, protected documents and certificate rules, as the VOD and certificate pages use them: an
 * immutable snapshot of the curricula taken again when they change (as {@link Catalogue} does for
 * registration). Published, closed and held seminars are in it — a recording stays on demand after
 * the seminar was held — drafts are not.
 */
public final class VodLibrary {

    /** A chapter of a video, from {@code startSecond} to the next chapter's start. */
    public record Chapter(String title, int startSecond) {
    }

    /**
     * A video: a file ({@code file}, relative to the content folder; kept there or in the video
     * folder, or not there yet) or an external address ({@code external}); exactly one is set.
     */
    public record VideoSource(String id, String seminarId, String title, int durationSeconds, Path file, URI external,
            List<Chapter> chapters) {

        /** Chapter {@code index} ends where the next starts, the last at the end of the video. */
        public int chapterEnd(int index) {
            return index + 1 < chapters.size() ? chapters.get(index + 1).startSecond() : durationSeconds;
        }
    }

    /** A document people open with a password they request. */
    public record DocumentSource(String id, String seminarId, String title, String file) {
    }

    /** What the certificate rule asks: every condition set must hold. {@code hours} may be {@code null}. */
    public record CertificateTerms(boolean attendance, boolean watching, boolean passing, Double hours) {
    }

    /**
     * The on-demand part of a seminar ({@code host}: the name of the body that holds it, or {@code null}). {@code opens}/{@code closes} are Japan time to the minute;
     * {@code null} where the seminar has no VOD window.
     */
    public record Course(String seminarId, int fiscalYear, String title, String englishTitle, String host, String delivery,
            LocalDateTime opens, LocalDateTime closes, boolean automaticApproval, Integer idValidDays,
            List<VideoSource> videos, List<DocumentSource> documents, CertificateTerms certificate) {

        public Optional<VideoSource> video(String id) {
            return videos.stream().filter(v -> v.id().equals(id)).findFirst();
        }

        /** Whether {@code now} is inside the window: from its opening minute through its closing minute. */
        public boolean openAt(Instant now) {
            return (opens == null || !now.isBefore(opens.atZone(Catalogue.ZONE).toInstant()))
                    && (closes == null || now.isBefore(closes.plusMinutes(1).atZone(Catalogue.ZONE).toInstant()));
        }

        /** Whether the window is yet to open at {@code now}. */
        public boolean notYetOpenAt(Instant now) {
            return opens != null && now.isBefore(opens.atZone(Catalogue.ZONE).toInstant());
        }
    }

    private final Path root;
    private final Path videoFolder;
    private volatile Map<String, Course> courses;

    private VodLibrary(Path root, Path videoFolder, Map<String, Course> courses) {
        this.root = root;
        this.videoFolder = videoFolder;
        this.courses = courses;
    }

    /**
     * The library of {@code content}, following its changes; video files are looked for in the
     * content folder, then in {@code videoFolder} (may be {@code null}) under the same path.
     */
    public static VodLibrary of(ContentRepository content, Path videoFolder) {
        VodLibrary library = new VodLibrary(content.root(), videoFolder, snapshot(content));
        content.addListener(repository -> library.courses = snapshot(content));
        return library;
    }

    /** The content folder. */
    public Path root() {
        return root;
    }

    /** The folder of video files kept outside the repository, or {@code null}. */
    public Path videoFolder() {
        return videoFolder;
    }

    public Optional<Course> course(String seminarId) {
        return Optional.ofNullable(courses.get(seminarId));
    }

    /** Every seminar with a VOD window, videos, protected documents or a certificate rule. */
    public List<Course> courses() {
        return List.copyOf(courses.values());
    }

    /** The protected document {@code id}, wherever it is. */
    public Optional<DocumentSource> document(String id) {
        return courses.values().stream().flatMap(c -> c.documents().stream()).filter(d -> d.id().equals(id)).findFirst();
    }

    private static Map<String, Course> snapshot(ContentRepository content) {
        Map<String, Course> courses = new LinkedHashMap<>();
        for (Curriculum curriculum : content.curricula()) {
            for (FiscalYearPlan plan : curriculum.getPlans()) {
                for (Seminar seminar : plan.getSeminars()) {
                    if (seminar.getId() == null || seminar.getStatus() == SeminarStatus.DRAFT) {
                        continue;
                    }
                    Course course = course(content, plan.getFiscalYear(), seminar);
                    if (course.opens() != null || !course.videos().isEmpty() || !course.documents().isEmpty()
                            || course.certificate() != null) {
                        courses.putIfAbsent(course.seminarId(), course);
                    }
                }
            }
        }
        return courses;
    }

    private static Course course(ContentRepository content, int fiscalYear, Seminar seminar) {
        List<VideoSource> videos = new ArrayList<>();
        List<DocumentSource> documents = new ArrayList<>();
        for (Material material : seminar.getMaterials()) {
            if (material instanceof Video video && video.getId() != null && video.getLocation() != null) {
                videos.add(video(content, seminar.getId(), video));
            } else if (material instanceof ProtectedDocument document && document.getId() != null) {
                documents.add(new DocumentSource(document.getId(), seminar.getId(), document.getTitle(), document.getFile()));
            }
        }
        VodWindow window = seminar.getVodWindow();
        CertificateRule rule = seminar.getCertificateRule();
        return new Course(seminar.getId(), fiscalYear, seminar.getTitle(), seminar.getEnglishTitle(),
                seminar.getHost() == null ? null : seminar.getHost().getName(), seminar.getDelivery().getLiteral(), window == null ? null : window.getOpens(),
                window == null ? null : window.getCloses(), window != null && window.isAutomaticApproval(),
                window == null ? null : window.getIdValidDays(), List.copyOf(videos), List.copyOf(documents),
                rule == null ? null
                        : new CertificateTerms(rule.isRequiresAttendance(), rule.isRequiresWatching(),
                                rule.isRequiresPassing(), rule.getHours()));
    }

    private static VideoSource video(ContentRepository content, String seminarId, Video video) {
        List<Chapter> chapters = video.getChapters().stream()
                .map(c -> new Chapter(c.getTitle(), c.getStartSecond()))
                .sorted(java.util.Comparator.comparingInt(Chapter::startSecond)).toList();
        String location = video.getLocation().strip();
        if (location.startsWith("https://") || location.startsWith("http://")) {
            return new VideoSource(video.getId(), seminarId, video.getTitle(), video.getDurationSeconds(), null,
                    URI.create(location), chapters);
        }
        // relative to the content file, kept inside the content folder: the file servlet serves nothing else
        Resource resource = video.eResource();
        Path folder = resource == null ? Path.of("") : content.relativePath(resource).getParent();
        Path relative = (folder == null ? Path.of(location) : folder.resolve(location)).normalize();
        Path file = relative.startsWith("..") || relative.isAbsolute() ? null : relative;
        return new VideoSource(video.getId(), seminarId, video.getTitle(), video.getDurationSeconds(), file, null,
                chapters);
    }

    /** Whether the file of {@code video} is there to be served, in the content folder or the video folder. */
    public boolean hasFile(VideoSource video) {
        return inContent(video) || inVideoFolder(video);
    }

    /** Whether the file of {@code video} is in the content folder (which wins over the video folder). */
    public boolean inContent(VideoSource video) {
        return video.file() != null && Files.isRegularFile(root.resolve(video.file()));
    }

    private boolean inVideoFolder(VideoSource video) {
        return video.file() != null && videoFolder != null && Files.isRegularFile(videoFolder.resolve(video.file()));
    }
}
