package org.manabi.server.internal;

import java.net.URI;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.manabi.server.Catalogue;
import org.manabi.server.Catalogue.Offer;
import org.manabi.server.Catalogue.QuestionnaireItem;
import org.manabi.store.Applicant;
import org.manabi.store.Change;
import org.manabi.store.DuplicateRegistrationException;
import org.manabi.store.Pool;
import org.manabi.store.Registrations;
import org.manabi.store.StoreException;

/**
 * Takes registrations from the pages and the API alike: checks what the participant entered,
 * works out the fee, asks the store for a seat, and has the outcome mailed with the personal link
 * (to the people promoted from a waiting list too): the store writes what is owed with the change,
 * {@link MailSender} sends it.
 */
public final class RegistrationDesk {

    /** What a participant entered; {@code member} is {@code null} when the question was not answered. */
    public record Form(String name, String kana, String email, String organization, Boolean member, String memberBody,
            String pool, Map<String, String> answers, String language) {
    }

    /** Input that cannot be taken: which field, and the key of the text that says why. */
    public static final class InputProblem extends Exception {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final String textKey;

        InputProblem(String field, String textKey) {
            super(field + ": " + textKey);
            this.field = field;
            this.textKey = textKey;
        }

        public String field() {
            return field;
        }

        /** The problem in the language of {@code texts}, e.g. "Enter the reading of your name in kana." */
        public String message(Texts texts) {
            return texts.format(textKey, texts.get("field_" + field));
        }
    }

    /** Registration for the seminar is not open now. */
    public static final class RegistrationClosed extends Exception {
        private static final long serialVersionUID = 1L;

        RegistrationClosed(String seminarId) {
            super("Registration for " + seminarId + " is not open");
        }
    }

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    /** Hiragana, katakana, the long-vowel mark, middle dot and spaces: a reading, not kanji or Latin letters. */
    private static final Pattern KANA = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}ー・ 　]+");
    static final int MAX_TEXT = 200;
    private static final int MAX_ANSWER = 4000;

    private final Registrations registrations;
    private final MailSender mails;
    private final Clock clock;
    private final Metrics metrics;

    public RegistrationDesk(Registrations registrations, MailSender mails, Clock clock, Metrics metrics) {
        this.registrations = registrations;
        this.mails = mails;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Checks the form against the seminar and works out the fee, without registering: what the
     * confirmation page shows.
     */
    public Applicant check(Offer offer, Form form) throws InputProblem {
        String name = checked("name", form.name());
        String kana = checked("kana", form.kana());
        String email = checked("email", form.email());
        String organization = checked("organization", form.organization());
        if (form.member() == null) {
            throw new InputProblem("member", "error_required");
        }
        String body = form.memberBody() == null || form.memberBody().isBlank() ? null : form.memberBody().strip();
        if (body != null && (!form.member() || !offer.memberBodies().contains(body))) {
            throw new InputProblem("memberBody", "error_choice");
        }
        pool(offer, form.pool());
        Map<String, String> answers = new LinkedHashMap<>();
        for (QuestionnaireItem item : offer.questionnaire()) {
            String answer = form.answers().get(item.id());
            if (answer == null || answer.isBlank()) {
                continue; // the questionnaire helps the speakers; nobody is turned away for skipping it
            }
            answer = Normalizer.normalize(answer.strip(), Normalizer.Form.NFC);
            if (answer.length() > MAX_ANSWER || item.scale() > 0 && !inScale(answer, item.scale())) {
                throw new InputProblem("answers", "error_answer");
            }
            answers.put(item.id(), answer);
        }
        return new Applicant(name, kana, email, organization, form.member(), body, offer.fee(form.member()), answers,
                "ja".equals(form.language()) ? "ja" : "en");
    }

    /**
     * One of the fields {@code name}, {@code kana}, {@code email}, {@code organization}, checked and
     * normalised as the registration form takes it; a correction of personal data takes the same.
     */
    static String checked(String field, String value) throws InputProblem {
        String text = text(field, value, field.equals("email") ? 254 : MAX_TEXT);
        if (field.equals("kana") && !KANA.matcher(text).matches()) {
            throw new InputProblem("kana", "error_kana");
        }
        if (field.equals("email") && !EMAIL.matcher(text).matches()) {
            throw new InputProblem("email", "error_email");
        }
        return text;
    }

    /** The pool the form names, if the seminar offers it. */
    public Pool pool(Offer offer, String key) throws InputProblem {
        Pool pool = Pool.ofKey(key);
        if (pool == null || !offer.pools().containsKey(pool)) {
            throw new InputProblem("pool", "error_pool");
        }
        return pool;
    }

    /**
     * Registers and has the outcome mailed. On a duplicate the existing link is mailed to the address
     * (only there: whoever typed the address may not be its owner) and the exception is rethrown.
     *
     * @param site where the personal link points (the server's public address)
     */
    public Change register(Offer offer, Form form, URI site)
            throws InputProblem, RegistrationClosed, StoreException {
        if (!offer.registrationOpenAt(LocalDateTime.now(clock.withZone(Catalogue.ZONE)))) {
            throw new RegistrationClosed(offer.id());
        }
        Applicant applicant = check(offer, form);
        Change change;
        try {
            change = registrations.register(offer.id(), pool(offer, form.pool()), applicant, site);
        } catch (DuplicateRegistrationException e) {
            mails.wake();
            throw e;
        }
        mails.wake();
        metrics.registration(change.registration().status().key());
        return change;
    }

    public Optional<Change> cancel(String token, URI site) throws StoreException {
        Optional<Change> change = registrations.cancel(token, site);
        mails.wake();
        return change;
    }

    public Optional<Change> move(String token, Pool pool, URI site) throws StoreException {
        Optional<Change> change = registrations.move(token, pool, site);
        mails.wake();
        return change;
    }

    /** The personal link of a registration. */
    public static URI link(URI site, String token) {
        return site.resolve("/r/" + token);
    }

    /** A required text field, trimmed and NFC-normalised, without control characters, at most {@code max} long. */
    static String text(String field, String value, int max) throws InputProblem {
        if (value == null || value.isBlank()) {
            throw new InputProblem(field, "error_required");
        }
        String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (text.length() > max || text.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new InputProblem(field, text.length() > max ? "error_too_long" : "error_control");
        }
        return text;
    }

    private static boolean inScale(String answer, int scale) {
        try {
            int value = Integer.parseInt(answer);
            return value >= 1 && value <= scale;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
