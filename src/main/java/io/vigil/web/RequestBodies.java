package io.vigil.web;

import io.javalin.http.Context;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Request bodies with a size cap applied to what is actually read — after gzip decompression, so a small
 * compressed body cannot expand without bound. {@code Content-Encoding: gzip} is honoured when the bytes
 * really are gzip (some proxies decompress and leave the header).
 */
final class RequestBodies {
    private RequestBodies() {
    }

    static InputStream open(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        String encoding = ctx.header("Content-Encoding");
        boolean gzip = encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        if (declared > maxBytes && !gzip) {
            drain(ctx);
            throw tooLarge(maxBytes);
        }
        try {
            InputStream raw = new BufferedInputStream(new Capped(ctx.bodyInputStream(), maxBytes));
            if (gzip && startsWithGzipMagic(raw)) {
                return new Capped(new GZIPInputStream(raw, 64 * 1024), maxBytes);
            }
            if (encoding != null && !gzip && !encoding.equalsIgnoreCase("identity")) {
                throw new HttpError(415, "Content-Encoding '" + encoding + "' is not supported; use gzip or none");
            }
            return raw;
        } catch (IOException e) {
            throw HttpError.badRequest("cannot read the request body: " + e.getMessage());
        }
    }

    static byte[] readAll(Context ctx, long maxBytes) {
        try (InputStream in = open(ctx, maxBytes)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw HttpError.badRequest("cannot read the request body: " + e.getMessage());
        }
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    /**
     * Reads and discards what the client is still sending (up to {@value #DRAIN_LIMIT} bytes) before a 413:
     * a server that answers and closes while the client is still writing resets the connection, and the
     * client then sees a broken connection instead of the answer that tells it to send smaller batches.
     */
    private static void drain(Context ctx) {
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] sink = new byte[64 * 1024];
            long drained = 0;
            for (int n; drained < DRAIN_LIMIT && (n = in.read(sink)) > 0; ) drained += n;
        } catch (IOException | RuntimeException ignored) {
            // the client went away; there is nobody left to answer
        }
    }

    private static final long DRAIN_LIMIT = 64L << 20;

    private static HttpError tooLarge(long maxBytes) {
        return new HttpError(413, "the request body is larger than " + maxBytes + " bytes; send smaller batches");
    }

    /** Fails with 413 as soon as more than {@code max} bytes have been read. */
    private static final class Capped extends FilterInputStream {
        private final long max;
        private long count;

        Capped(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > max) {
                byte[] sink = new byte[64 * 1024];
                long drained = 0;
                for (int r; drained < DRAIN_LIMIT && (r = in.read(sink)) > 0; ) drained += r; // see drain()
                throw tooLarge(max);
            }
        }
    }
}
