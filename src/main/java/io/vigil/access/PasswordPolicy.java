package io.vigil.access;

import java.security.SecureRandom;

/** The rules a password must meet (at least 12 characters, not the user name) and a generator that meets them. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private PasswordPolicy() {
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong; {@code source} names where it came from. */
    public static void check(String user, String password, String source) {
        if (password == null || password.length() < MIN_LENGTH) {
            int length = password == null ? 0 : password.length();
            throw new IllegalArgumentException(source + " is too short (" + length + " characters); use at least "
                    + MIN_LENGTH + " characters, e.g. a passphrase of several words");
        }
        if (password.equalsIgnoreCase(user)) {
            throw new IllegalArgumentException(source + " must not be the user name");
        }
    }

    /** A random password of {@code length} characters from an unambiguous alphabet (~5.8 bits each). */
    public static String generate(SecureRandom random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
