package io.vigil.meta;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One numbered schema script, e.g. {@code V2__tokens.sql}: version 2, description "tokens".
 * The checksum (SHA-256 of the script bytes, hex) is recorded when applied and compared on every start.
 */
public record Migration(int version, String description, String sql) {
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration version must be >= 1, got " + version);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sql, "sql");
    }

    /** Builds a migration from a file name like {@code V1__accounts.sql} and its contents. */
    public static Migration fromFile(String fileName, String sql) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("migration file '" + fileName
                    + "' is not named V<number>__<description>.sql");
        }
        return new Migration(Integer.parseInt(m.group(1)), m.group(2), sql);
    }

    public static boolean isMigrationFileName(String fileName) {
        return FILE_NAME.matcher(fileName).matches();
    }

    public String scriptName() {
        return "V" + version + "__" + description + ".sql";
    }

    public String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
