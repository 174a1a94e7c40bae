package io.vigil.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Everything besides the raw line that decided how it was parsed: the decoder that understood it, the batch's
 * input, index and peer address, and its receipt time (which fills {@code event.ingested}, a missing
 * {@code @timestamp} and the year of RFC 3164 dates). With it, {@link DefaultEventParser#reparse} makes the
 * same event again from the raw line, so the store can keep the raw bytes alone.
 *
 * <p>Encoded as a version byte, four modified-UTF-8 strings and the receipt time.
 */
public record ParseContext(String decoder, String source, String index, String sourceAddress, long receivedAt) {
    private static final int VERSION = 1;

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(decoder);
            out.writeUTF(source);
            out.writeUTF(index);
            out.writeUTF(sourceAddress);
            out.writeLong(receivedAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array cannot fail
        }
        return bytes.toByteArray();
    }

    /** The context encoded by {@link #encode}, or empty when the bytes are not one (another version, damage). */
    public static Optional<ParseContext> decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readByte() != VERSION) return Optional.empty();
            ParseContext context = new ParseContext(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readLong());
            return in.read() == -1 ? Optional.of(context) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
