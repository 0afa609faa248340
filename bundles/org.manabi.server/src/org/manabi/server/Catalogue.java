package org.manabi.server;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.manabi.content.ContentRepository;
import org.manabi.model.CapacityState;
import org.manabi.model.Curriculum;
import org.manabi.model.FiscalYearPlan;
import org.manabi.model.LikertQuestion;
import org.manabi.model.Organisation;
import org.manabi.model.Person;
import org.manabi.model.ProgrammeItem;
import org.manabi.model.Question;
import org.manabi.model.SeatPool;
import org.manabi.model.Seminar;
import org.manabi.model.SeminarStatus;
import org.manabi.model.Session;
import org.manabi.model.Survey;
import org.manabi.quiz.Paper;
import org.manabi.quiz.Papers;
import org.manabi.store.Pool;
import org.manabi.store.SeatLimits;

/**
 * The seminars the committee has published, as the web pages and the API show them: an immutable
 * snapshot of the curricula, taken again when they change, so that request threads never walk the
 * EMF model while the workbench edits it.
 */
public final class Catalogue implements SeatLimits {

    /** Seminar times in the curricula are Japan time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    /** A published seminar. Texts are as authored (Japanese); {@code englishTitle} may be {@code null}. */
    public record Offer(String id, int fiscalYear, String title, String englishTitle, String theme, String host,
            String hostEnglish, String delivery, List<SessionTime> sessions, String venue, String conferenceSystem,
            boolean free, int memberYen, int nonMemberYen, List<String> memberBodies, Map<Pool, Seats> pools,
            LocalDateTime vodOpens, LocalDateTime vodCloses, LocalDateTime registrationOpens,
            LocalDateTime registrationCloses, List<ProgrammeLine> programme, List<QuestionnaireItem> questionnaire) {

        /** When the first session starts, or {@code null} for a seminar without sessions (a VOD course). */
        public ZonedDateTime start() {
            return sessions.isEmpty() ? null : sessions.get(0).date().atTime(sessions.get(0).start()).atZone(ZONE);
        }

        /** When the last session ends, or {@code null} without sessions. */
        public ZonedDateTime end() {
            SessionTime last = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
            return last == null ? null : last.date().atTime(last.end()).atZone(ZONE);
        }

        /** The fee for a member or not, in yen; 0 when the seminar is free. */
        public int fee(boolean member) {
            return free ? 0 : member ? memberYen : nonMemberYen;
        }

        /** Whether registrations are taken at {@code now}: inside the registration window, where one is set. */
        public boolean registrationOpenAt(LocalDateTime now) {
            return (registrationOpens == null || !now.isBefore(registrationOpens))
                    && (registrationCloses == null || now.isBefore(registrationCloses));
        }
    }

    public record SessionTime(LocalDate date, LocalTime start, LocalTime end) {
    }

    /** Seats of a pool: {@code capacity} is {@code null} when the number is not decided. */
    public record Seats(Integer capacity) {
    }

    public record ProgrammeLine(LocalTime start, LocalTime end, String title, String speakers) {
    }

    /**
     * A question of the pre-seminar questionnaire: a Likert scale ({@code scale} > 0) or free text.
     */
    public record QuestionnaireItem(String id, String text, int scale, String lowLabel, String highLabel) {
    }

    /**
     * What one snapshot of the curricula holds; replaced whole, so readers never see half of a change.
     * {@code offers} are the published seminars; {@code taught} also those closed or held since, whose
     * quizzes and surveys participants still take.
     */
    private record Snapshot(Map<String, Offer> offers, Map<String, Offer> taught, Map<String, Paper> quizzes,
            Map<String, Paper> surveys) {
    }

    private final ContentRepository content;
    private volatile Snapshot snapshot;

    private Catalogue(ContentRepository content, Snapshot snapshot) {
        this.content = content;
        this.snapshot = snapshot;
    }

    /** A catalogue of {@code content} that follows its changes. */
    public static Catalogue of(ContentRepository content) {
        Catalogue catalogue = new Catalogue(content, snapshot(content));
        content.addListener(repository -> catalogue.snapshot = snapshot(content));
        return catalogue;
    }

    /** The content repository this catalogue follows: the other snapshots of the server (VOD) are taken from it. */
    public ContentRepository content() {
        return content;
    }

    /**
     * The quiz of the seminar {@code seminarId}, if it has one: a published seminar's, and still once
     * the seminar is closed or held, since participants take it at the end of the seminar and after.
     */
    public Optional<Paper> quiz(String seminarId) {
        return Optional.ofNullable(snapshot.quizzes().get(seminarId));
    }

    /** The after-seminar survey of the seminar {@code seminarId} (published, closed or held), if it has one. */
    public Optional<Paper> survey(String seminarId) {
        return Optional.ofNullable(snapshot.surveys().get(seminarId));
    }

    /** Published seminars, by first session (VOD courses by the opening of registration). */
    public List<Offer> offers() {
        return List.copyOf(snapshot.offers().values());
    }

    /** The published seminar {@code id}. */
    public Optional<Offer> offer(String id) {
        return Optional.ofNullable(snapshot.offers().get(id));
    }

    /**
     * The seminar {@code id} when published, closed or held (not a draft): what its quiz and survey
     * belong to. Registration and the listings use {@link #offer}, published seminars only.
     */
    public Optional<Offer> taught(String id) {
        return Optional.ofNullable(snapshot.taught().get(id));
    }

    @Override
    public Integer capacity(String seminarId, Pool pool) {
        Offer offer = snapshot.offers().get(seminarId);
        Seats seats = offer == null ? null : offer.pools().get(pool);
        // a pool that is not (or no longer) offered takes nobody new
        return seats == null ? Integer.valueOf(0) : seats.capacity();
    }

    private static Snapshot snapshot(ContentRepository content) {
        List<Offer> all = new ArrayList<>();
        Map<String, Offer> taught = new HashMap<>();
        Map<String, Paper> quizzes = new HashMap<>();
        Map<String, Paper> surveys = new HashMap<>();
        for (Curriculum curriculum : content.curricula()) {
            for (FiscalYearPlan plan : curriculum.getPlans()) {
                for (Seminar seminar : plan.getSeminars()) {
                    if (seminar.getStatus() == SeminarStatus.DRAFT || seminar.getId() == null) {
                        continue;
                    }
                    Offer offer = offer(plan.getFiscalYear(), seminar);
                    if (seminar.getStatus() == SeminarStatus.PUBLISHED) {
                        all.add(offer);
                    }
                    taught.putIfAbsent(seminar.getId(), offer);
                    Papers.quiz(seminar).ifPresent(quiz -> quizzes.putIfAbsent(seminar.getId(), quiz));
                    // a pre-seminar survey is the registration form's questionnaire, answered there
                    if (seminar.getSurvey() != null && !seminar.getSurvey().isBeforeSeminar()) {
                        Papers.survey(seminar).ifPresent(survey -> surveys.putIfAbsent(seminar.getId(), survey));
                    }
                }
            }
        }
        all.sort(Comparator.comparing(Catalogue::sortKey).thenComparing(Offer::id));
        Map<String, Offer> byId = new LinkedHashMap<>();
        all.forEach(offer -> byId.putIfAbsent(offer.id(), offer));
        // a published seminar wins over an older one of the same id that is held
        taught.putAll(byId);
        return new Snapshot(byId, Map.copyOf(taught), Map.copyOf(quizzes), Map.copyOf(surveys));
    }

    private static LocalDateTime sortKey(Offer offer) {
        if (offer.start() != null) {
            return offer.start().toLocalDateTime();
        }
        return offer.registrationOpens() != null ? offer.registrationOpens() : LocalDateTime.MAX;
    }

    private static Offer offer(int fiscalYear, Seminar s) {
        List<SessionTime> sessions = s.getSessions().stream()
                .filter(session -> session.getDate() != null && session.getStart() != null && session.getEnd() != null)
                .map(Catalogue::time).sorted(Comparator.comparing(SessionTime::date).thenComparing(SessionTime::start))
                .toList();
        Map<Pool, Seats> pools = new EnumMap<>(Pool.class);
        for (SeatPool pool : s.getPools()) {
            if (pool.getCapacityState() == CapacityState.NOT_PLANNED) {
                continue;
            }
            Pool key = Pool.ofKey(pool.getMode().getLiteral());
            pools.put(key, new Seats(pool.getCapacityState() == CapacityState.NUMBER ? pool.getCapacity() : null));
        }
        boolean free = s.getFee() == null || s.getFee().isFree();
        List<ProgrammeLine> programme = s.getProgramme().stream().map(Catalogue::line).toList();
        Survey survey = s.getSurvey();
        List<QuestionnaireItem> questionnaire = survey != null && survey.isBeforeSeminar()
                ? survey.getQuestions().stream().map(Catalogue::item).toList()
                : List.of();
        Organisation host = s.getHost();
        return new Offer(s.getId(), fiscalYear, s.getTitle(), s.getEnglishTitle(), s.getTheme(),
                host == null ? null : host.getName(), host == null ? null : host.getEnglishName(),
                s.getDelivery().getLiteral(), sessions, s.getVenue(), s.getConferenceSystem(), free,
                free || s.getFee().getMemberYen() == null ? 0 : s.getFee().getMemberYen(),
                free || s.getFee().getNonMemberYen() == null ? 0 : s.getFee().getNonMemberYen(),
                s.getFee() == null ? List.of()
                        : s.getFee().getMemberBodies().stream().map(Catalogue::bodyName).toList(),
                pools, s.getVodWindow() == null ? null : s.getVodWindow().getOpens(),
                s.getVodWindow() == null ? null : s.getVodWindow().getCloses(), s.getRegistrationOpens(),
                s.getRegistrationCloses(), programme, questionnaire);
    }

    private static SessionTime time(Session session) {
        return new SessionTime(session.getDate(), session.getStart(), session.getEnd());
    }

    private static ProgrammeLine line(ProgrammeItem item) {
        String speakers = item.getSpeakers().stream().map(Person::getName).collect(Collectors.joining("、"));
        return new ProgrammeLine(item.getStart(), item.getEnd(), item.getTitle(), speakers);
    }

    private static QuestionnaireItem item(Question question) {
        if (question instanceof LikertQuestion likert) {
            return new QuestionnaireItem(question.getId(), question.getText(), likert.getScale(), likert.getLowLabel(),
                    likert.getHighLabel());
        }
        return new QuestionnaireItem(question.getId(), question.getText(), 0, null, null);
    }

    private static String bodyName(Organisation body) {
        return body.getShortName() != null ? body.getShortName() : body.getName();
    }
}
