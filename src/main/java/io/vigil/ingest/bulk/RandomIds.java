package io.vigil.ingest.bulk;

import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** 20-character url-safe ids for bulk items without an {@code _id}; unique enough for answering shippers. */
final class RandomIds {
    private RandomIds() {
    }

    static String next() {
        byte[] bytes = new byte[15];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
