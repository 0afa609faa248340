package org.manabi.store;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable tokens for links and cookies: random bytes from {@link SecureRandom}, URL-safe Base64. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** {@code bytes} random bytes as URL-safe Base64 without padding (24 bytes: 192 bits, 32 characters). */
    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
