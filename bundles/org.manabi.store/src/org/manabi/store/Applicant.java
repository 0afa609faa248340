package org.manabi.store;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a participant tells when registering. The caller has validated it (lengths, address form)
 * and worked out the fee from the seminar; the store keeps it as given.
 *
 * @param name         full name as the participant writes it
 * @param kana         reading of the name in kana
 * @param email        address for the confirmation and the personal link
 * @param organization company or institution
 * @param member       whether the member fee applies
 * @param memberBody   the body whose membership gives the member fee, or {@code null}
 * @param feeYen       the fee shown to the participant before confirming, in yen
 * @param answers      the pre-seminar questionnaire: question id to answer
 * @param language     the language of the pages and emails the participant used: {@code ja} or {@code en}
 */
public record Applicant(String name, String kana, String email, String organization, boolean member,
        String memberBody, int feeYen, Map<String, String> answers, String language) {

    public Applicant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kana, "kana");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(organization, "organization");
        answers = Map.copyOf(answers);
        Objects.requireNonNull(language, "language");
    }

    /**
     * The address as compared for "same person, same seminar": full-width and case folded, so that
     * {@code Ｔａｒｏ@Example.jp} and {@code taro@example.jp} are one person.
     */
    public String emailKey() {
        return emailKey(email);
    }

    static String emailKey(String email) {
        return Normalizer.normalize(email, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
