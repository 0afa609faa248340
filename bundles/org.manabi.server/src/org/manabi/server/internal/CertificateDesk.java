package org.manabi.server.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.manabi.report.CertificateDocument;
import org.manabi.report.ReportException;
import org.manabi.server.Catalogue;
import org.manabi.server.VodLibrary;
import org.manabi.server.VodLibrary.CertificateTerms;
import org.manabi.server.VodLibrary.Course;
import org.manabi.server.VodLibrary.VideoSource;
import org.manabi.store.Certificate;
import org.manabi.store.Certificates;
import org.manabi.store.QuizAttempts;
import org.manabi.store.Registration;
import org.manabi.store.RegistrationStatus;
import org.manabi.store.StoreException;
import org.manabi.store.ViewingId;
import org.manabi.store.ViewingIds;
import org.manabi.store.ViewingProgress;

/**
 * Certificates: whether a holder has earned one under the seminar's rule, issuing it once, its PDF,
 * and verification. A holder is a registration (attended; watched with the registration's viewing
 * ID; passed) or, for a video-learning set taken without registering, a viewing ID (watched; passed).
 */
public final class CertificateDesk {

    /** Who asks: a registration, a viewing ID, or a registration with its viewing ID. */
    record Holder(Course course, Registration registration, ViewingId viewingId) {

        String key() {
            return registration != null ? Certificates.ofRegistration(registration.id())
                    : Certificates.ofViewingId(viewingId.id());
        }

        String name() {
            return registration != null ? registration.applicant().name() : viewingId.name();
        }

        /** The keys the holder's quiz attempts are stored under: as a registrant, and with the viewing ID. */
        List<String> participants() {
            List<String> keys = new ArrayList<>();
            if (registration != null) {
                keys.add(QuizAttempts.ofRegistration(registration.id()));
            }
            if (viewingId != null) {
                keys.add(QuizAttempts.ofViewingId(viewingId.id()));
            }
            return keys;
        }
    }

    /**
     * The rule's conditions and where the holder stands on each: {@code null} where the rule does not
     * ask; {@code passed} is also {@code null} when no quiz result is recorded.
     */
    record Eligibility(CertificateTerms terms, Boolean attended, Boolean watched, Boolean passed) {

        boolean eligible() {
            return terms != null && (!terms.attendance() || Boolean.TRUE.equals(attended))
                    && (!terms.watching() || Boolean.TRUE.equals(watched))
                    && (!terms.passing() || Boolean.TRUE.equals(passed));
        }
    }

    private final VodLibrary library;
    private final ViewingIds ids;
    private final ViewingProgress progress;
    private final Certificates certificates;
    private final QuizPassing quizzes;
    private final Clock clock;

    public CertificateDesk(VodLibrary library, ViewingIds ids, ViewingProgress progress, Certificates certificates,
            Catalogue catalogue, QuizAttempts attempts, Clock clock) {
        this.library = library;
        this.ids = ids;
        this.progress = progress;
        this.certificates = certificates;
        this.quizzes = new QuizPassing(catalogue, attempts);
        this.clock = clock;
    }

    /** The holder of a confirmed registration of a seminar with a certificate rule. */
    Optional<Holder> holder(Registration registration) throws StoreException {
        if (registration.status() != RegistrationStatus.CONFIRMED) {
            return Optional.empty();
        }
        Optional<Course> course = library.course(registration.seminarId()).filter(c -> c.certificate() != null);
        if (course.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Holder(course.get(), registration, ids.ofRegistration(registration.id()).orElse(null)));
    }

    /** The holder of an issued viewing ID of a seminar with a certificate rule (the registration's, if it has one). */
    Optional<Holder> holder(ViewingId id, Optional<Registration> registration) {
        Optional<Course> course = library.course(id.seminarId()).filter(c -> c.certificate() != null);
        if (course.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Holder(course.get(), registration.orElse(null), id));
    }

    Eligibility eligibility(Holder holder) throws StoreException {
        CertificateTerms terms = holder.course().certificate();
        Boolean attended = terms.attendance() ? holder.registration() != null && holder.registration().checkedIn() != null
                : null;
        Boolean watched = null;
        if (terms.watching()) {
            Set<String> done = holder.viewingId() == null ? Set.of()
                    : progress.completedVideos().getOrDefault(holder.viewingId().id(), Set.of());
            watched = !holder.course().videos().isEmpty()
                    && done.containsAll(holder.course().videos().stream().map(VideoSource::id).toList());
        }
        Boolean passed = terms.passing()
                ? quizzes.passed(holder.course().seminarId(), holder.participants()).orElse(null)
                : null;
        return new Eligibility(terms, attended, watched, passed);
    }

    /** The holder's certificate, if issued before. */
    Optional<Certificate> issued(Holder holder) throws StoreException {
        return certificates.ofHolder(holder.key());
    }

    /** Issues the certificate if the holder has earned it (the same one again if issued before). */
    Optional<Certificate> issue(Holder holder) throws StoreException {
        Optional<Certificate> had = issued(holder);
        if (had.isPresent() || !eligibility(holder).eligible()) {
            return had;
        }
        return Optional.of(certificates.issue(holder.course().seminarId(), holder.key(), holder.name(),
                holder.course().certificate().hours()));
    }

    /** The PDF of an issued certificate; the QR code leads to {@code site}/verify/{code}. */
    byte[] pdf(Certificate certificate, Course course, URI site) throws IOException, ReportException {
        String verify = site.resolve("/verify/" + certificate.code()).toString();
        CertificateDocument document = new CertificateDocument(certificate.name(), course.title(), course.englishTitle(),
                certificate.issuedAt().atZone(Catalogue.ZONE).toLocalDate(), certificate.hours(),
                course.host() == null ? "" : course.host(), certificate.code(), verify, QrCodes.modules(verify));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.write(out);
        return out.toByteArray();
    }

    /** Whether {@code code} is the code of a certificate issued here. */
    boolean genuine(String code) throws StoreException {
        return certificates.verify(code).isPresent();
    }

    Clock clock() {
        return clock;
    }
}
