package org.manabi.store;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable tokens for links and cookies: random bytes from {@link SecureRandom}, URL-safe Base64. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** Crockford's Base32: no I, L, O, U, so that a code read aloud or typed is not mistaken. */
    static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /**
     * A code people type: {@code groups} groups of four Base32 characters joined by dashes, 20 random
     * bits per group (five groups: 100 bits).
     */
    static String code(int groups) {
        StringBuilder code = new StringBuilder();
        for (int group = 0; group < groups; group++) {
            if (group > 0) {
                code.append('-');
            }
            for (int i = 0; i < 4; i++) {
                code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(32)));
            }
        }
        return code.toString();
    }

    /**
     * A typed code as stored: upper case, spaces and dashes ignored and put back every four
     * characters, the letters Crockford's alphabet leaves out read as the digits they look like.
     */
    static String normalizeCode(String typed) {
        StringBuilder plain = new StringBuilder();
        for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            char d = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (CODE_ALPHABET.indexOf(d) >= 0) {
                plain.append(d);
            } else if (d != '-' && d != ' ') {
                return "";
            }
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                grouped.append('-');
            }
            grouped.append(plain.charAt(i));
        }
        return grouped.toString();
    }

    /** {@code bytes} random bytes as URL-safe Base64 without padding (24 bytes: 192 bits, 32 characters). */
    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
