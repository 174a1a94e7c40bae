package io.vigil.access;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a password must meet — at least 12 characters, not the user name (nor containing it), not one
 * of a small built-in list of passwords that lead every breach corpus — and a generator that meets them.
 * The list is deliberately short: length does most of the work; the list stops the padded classics
 * ("password1234", "qwertyuiop12") that pass a length rule.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final Set<String> COMMON = Set.of(
            "password1234", "password12345", "password123456", "password1234567", "password123!",
            "passwordpassword", "123456789012", "1234567890123", "12345678901234", "111111111111",
            "000000000000", "qwertyuiop12", "qwertyuiop123", "qwertyuiopas", "qwerty123456", "1q2w3e4r5t6y",
            "1qaz2wsx3edc", "zaq12wsxcde3", "iloveyou1234", "letmein12345", "welcome12345", "welcome123456",
            "administrator", "administrator1", "admin1234567", "adminadmin12", "changeme1234", "changeme12345",
            "abc123456789", "abcdefghijkl", "aaaaaaaaaaaa", "trustno11234", "monkey123456", "dragon123456",
            "football1234", "baseball1234", "sunshine1234", "superman1234", "p@ssw0rd1234", "p@ssword1234",
            "passw0rd1234", "elasticsearch", "kibanaadmin1", "opensearch12", "vigilvigil12", "correcthorsebatterystaple");

    private PasswordPolicy() {
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong; {@code source} names where it came from. */
    public static void check(String user, String password, String source) {
        if (password == null || password.length() < MIN_LENGTH) {
            int length = password == null ? 0 : password.length();
            throw new IllegalArgumentException(source + " is too short (" + length + " characters); use at least "
                    + MIN_LENGTH + " characters, e.g. a passphrase of several words");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (user != null && !user.isBlank() && lower.contains(user.toLowerCase(Locale.ROOT).strip())
                && user.strip().length() * 2 > password.length()) {
            throw new IllegalArgumentException(source + " must not be (or be mostly) the user name");
        }
        if (COMMON.contains(lower) || lower.chars().distinct().count() <= 2) {
            throw new IllegalArgumentException(source + " is on the list of common passwords; choose a passphrase"
                    + " of several unrelated words instead");
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
