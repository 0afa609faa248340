package org.manabi.server.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.manabi.server.Email;
import org.manabi.server.VodLibrary;
import org.manabi.server.VodLibrary.Course;
import org.manabi.server.VodLibrary.VideoSource;
import org.manabi.server.internal.RegistrationDesk.InputProblem;
import org.manabi.store.OwedMails;
import org.manabi.store.OwedMails.Notice;
import org.manabi.store.PersonalDataRequests;
import org.manabi.store.Progress;
import org.manabi.store.Registration;
import org.manabi.store.RegistrationStatus;
import org.manabi.store.Requester;
import org.manabi.store.StoreException;
import org.manabi.store.ViewingId;
import org.manabi.store.ViewingIdStatus;
import org.manabi.store.ViewingIds;
import org.manabi.store.ViewingProgress;
import org.manabi.store.WatchedIntervals.Interval;

/**
 * The VOD desk: issues viewing IDs (to registrations, on request, on staff approval), emails them,
 * decides what an ID may open, records progress and counts it for the committee.
 */
public final class VodDesk {

    /** Figures of one seminar's on-demand part, as the committee reports them each year. */
    public record Counts(Course course, int issued, int active, int completed, int waiting) {
    }

    /** The request form's input that cannot be taken, or a seminar that takes no requests. */
    static final class NotRequestable extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** A chapter counts as seen once half of it was watched. */
    static final double CHAPTER_SEEN = 0.5;

    private final VodLibrary library;
    private final ViewingIds ids;
    private final ViewingProgress progress;
    private final PersonalDataRequests requests;
    private final MailSender mails;
    private final Clock clock;

    /**
     * @param requests who has the use of their data suspended: their viewing-ID mails are withheld
     * @param mails    sends the mails the store writes with each ID issued or asked for
     */
    public VodDesk(VodLibrary library, ViewingIds ids, ViewingProgress progress, PersonalDataRequests requests,
            MailSender mails, Clock clock) {
        this.library = library;
        this.ids = ids;
        this.progress = progress;
        this.requests = requests;
        this.mails = mails;
        this.clock = clock;
    }

    public VodLibrary library() {
        return library;
    }

    Instant now() {
        return clock.instant();
    }

    /** The verdict on the ID typed or followed as {@code code}, for {@code seminarId} ({@code null}: its own). */
    ViewingAccess access(String code, String seminarId) throws StoreException {
        return ViewingAccess.of(ids.find(code), seminarId, library, clock.instant());
    }

    /** Whether a confirmed registration of this seminar may have a viewing ID: the seminar has a VOD window. */
    boolean issuesFor(Registration registration) {
        return registration.status() == RegistrationStatus.CONFIRMED
                && library.course(registration.seminarId()).map(c -> c.opens() != null).orElse(false);
    }

    /** The registration's viewing ID, issued and emailed the first time. */
    ViewingId issueFor(Registration registration, URI site) throws StoreException {
        Optional<ViewingId> had = ids.ofRegistration(registration.id());
        if (had.isPresent()) {
            return had.get();
        }
        ViewingId issued = ids.issueFor(registration, site);
        mails.wake();
        return issued;
    }

    /** Whether the request form is offered for {@code course}: video-learning sets, not live seminars. */
    static boolean takesRequests(Course course) {
        return "vod".equals(course.delivery()) && course.opens() != null;
    }

    /** Records a request (issuing at once where the seminar says so) and emails the outcome. */
    ViewingId request(Course course, String name, String email, String organization, String language, URI site)
            throws StoreException, InputProblem {
        Requester requester = requester(name, email, organization, language);
        ViewingId made = ids.request(course.seminarId(), requester, course.automaticApproval(),
                expiry(course, clock.instant()), site);
        mails.wake();
        return made;
    }

    static Requester requester(String name, String email, String organization, String language) throws InputProblem {
        String checkedEmail = RegistrationDesk.text("email", email, 254);
        if (!RegistrationDesk.EMAIL.matcher(checkedEmail).matches()) {
            throw new InputProblem("email", "error_email");
        }
        return new Requester(RegistrationDesk.text("name", name, RegistrationDesk.MAX_TEXT), checkedEmail,
                RegistrationDesk.text("organization", organization, RegistrationDesk.MAX_TEXT),
                "ja".equals(language) ? "ja" : "en");
    }

    /** Staff approve a waiting request; the holder gets the ID by email. */
    Optional<ViewingId> approve(long id, String staff, URI site) throws StoreException {
        Optional<ViewingId> waiting = ids.byId(id).filter(v -> v.status() == ViewingIdStatus.REQUESTED);
        if (waiting.isEmpty()) {
            return ids.byId(id);
        }
        Instant expiry = library.course(waiting.get().seminarId()).map(c -> expiry(c, clock.instant())).orElse(null);
        Optional<ViewingId> decided = ids.approve(id, staff, expiry, site);
        mails.wake();
        return decided;
    }

    Optional<ViewingId> refuse(long id, String staff) throws StoreException {
        return ids.refuse(id, staff);
    }

    private static Instant expiry(Course course, Instant now) {
        return course.idValidDays() == null ? null : now.plus(Duration.ofDays(course.idValidDays()));
    }

    /** Adds what the player reports having played (seconds) and returns the merged progress. */
    Progress report(ViewingId id, VideoSource video, List<double[]> played) throws StoreException {
        List<Interval> intervals = played.stream()
                .map(p -> new Interval(Math.round(p[0] * 1000), Math.round(p[1] * 1000))).toList();
        return progress.report(id.id(), video.id(), video.durationSeconds(), intervals);
    }

    /** What the ID has watched of its seminar's videos, by video id. */
    Map<String, Progress> progressOf(ViewingId id, Course course) throws StoreException {
        Map<String, Integer> durations = new HashMap<>();
        course.videos().forEach(v -> durations.put(v.id(), v.durationSeconds()));
        return progress.of(id.id(), durations);
    }

    /** Whether chapter {@code index} of {@code video} counts as seen in {@code watched}. */
    static boolean chapterSeen(VideoSource video, int index, Progress watched) {
        long start = video.chapters().get(index).startSecond() * 1000L;
        long end = video.chapterEnd(index) * 1000L;
        return watched != null && end > start && watched.watched().coveredWithin(start, end) >= CHAPTER_SEEN * (end - start);
    }

    /** Per seminar: IDs issued, active (still opening videos now), completed (every video), requests waiting. */
    List<Counts> counts(Set<String> seminars) throws StoreException {
        List<ViewingId> all = ids.all();
        Map<Long, Set<String>> completed = progress.completedVideos();
        Instant now = clock.instant();
        return library.courses().stream().filter(c -> c.opens() != null || !c.videos().isEmpty())
                .filter(c -> seminars == null || seminars.contains(c.seminarId())).map(course -> {
            List<ViewingId> mine = all.stream().filter(v -> v.seminarId().equals(course.seminarId())).toList();
            List<ViewingId> issued = mine.stream().filter(v -> v.status() == ViewingIdStatus.ISSUED).toList();
            int active = (int) issued.stream().filter(v -> course.openAt(now) && v.unexpiredAt(now)).count();
            int done = (int) issued.stream().filter(v -> !course.videos().isEmpty() && completed
                    .getOrDefault(v.id(), Set.of()).containsAll(course.videos().stream().map(VideoSource::id).toList()))
                    .count();
            int waiting = (int) mine.stream().filter(v -> v.status() == ViewingIdStatus.REQUESTED).count();
            return new Counts(course, issued.size(), active, done, waiting);
        }).toList();
    }

    /** The requests waiting for a decision in these seminars ({@code null}: all), oldest first. */
    List<ViewingId> waiting(Set<String> seminars) throws StoreException {
        return ids.all().stream().filter(v -> v.status() == ViewingIdStatus.REQUESTED)
                .filter(v -> seminars == null || seminars.contains(v.seminarId())).toList();
    }

    Optional<ViewingId> byId(long id) throws StoreException {
        return ids.byId(id);
    }

    /**
     * The mail owed about a viewing ID: the ID and its link, or that the request waits for staff; withheld
     * while the use of the holder's data is suspended.
     */
    public Letter letter(Notice notice) throws StoreException {
        Optional<ViewingId> found = ids.byId(notice.about());
        if (found.isEmpty() || found.get().email().isEmpty()) {
            return Letter.noAddress();
        }
        if (requests.viewingIdSuspended(notice.about())) {
            return Letter.withheld();
        }
        ViewingId id = found.get();
        Texts texts = Texts.of(id.language());
        String title = library.course(id.seminarId())
                .map(c -> texts.japanese() || c.englishTitle() == null ? c.title() : c.englishTitle())
                .orElse(id.seminarId());
        String kind = notice.kind() == OwedMails.Kind.VIEWING_ID ? "mail_viewing_id" : "mail_viewing_request";
        // {0} name, {1} seminar, {2} the ID, {3} the link, {4} the expiry or the window's end
        Object[] arguments = { id.name(), title, String.valueOf(id.code()),
                id.code() == null ? "" : notice.site().resolve("/vod/" + id.code()).toString(), until(id, texts) };
        return Letter.of(new Email(id.email(), texts.format(kind + "_subject", arguments),
                texts.format(kind + "_body", arguments)));
    }

    /** Until when the ID opens videos, in the holder's language: the earlier of its expiry and the window's end. */
    String until(ViewingId id, Texts texts) {
        Instant end = library.course(id.seminarId()).filter(c -> c.closes() != null)
                .map(c -> c.closes().atZone(org.manabi.server.Catalogue.ZONE).toInstant()).orElse(null);
        if (id.expiresAt() != null && (end == null || id.expiresAt().isBefore(end))) {
            end = id.expiresAt();
        }
        return end == null ? texts.get("vod_no_end") : StaffDesk.STAMP.format(end.atZone(org.manabi.server.Catalogue.ZONE));
    }
}
