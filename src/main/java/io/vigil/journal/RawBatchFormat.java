package io.vigil.journal;

import io.vigil.event.RawBatch;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload of one journal record: a {@link RawBatch}. The journal record around it carries length and
 * checksum; this layer carries its own version so the payload can evolve independently.
 *
 * <pre>
 *   u8   version (1)
 *   utf  source        (DataOutput modified UTF-8, u16 length prefix)
 *   utf  index
 *   utf  sourceAddress
 *   i64  receivedAt    (epoch millis)
 *   i32  n             (number of lines)
 *   n ×  { i32 length, length bytes }
 * </pre>
 */
public final class RawBatchFormat {
    public static final int VERSION = 1;

    private RawBatchFormat() {}

    public static byte[] encode(RawBatch batch) {
        int estimate = 64;
        for (byte[] l : batch.lines()) estimate += l.length + 4;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(estimate);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(batch.source());
            out.writeUTF(batch.index());
            out.writeUTF(batch.sourceAddress());
            out.writeLong(batch.receivedAt());
            out.writeInt(batch.lines().size());
            for (byte[] line : batch.lines()) {
                out.writeInt(line.length);
                out.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes a payload; throws {@link IOException} naming what is wrong when it is not a valid batch. */
    public static RawBatch decode(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException("unsupported raw batch version: actual " + version + " vs expected " + VERSION);
            }
            String source = in.readUTF();
            String index = in.readUTF();
            String address = in.readUTF();
            long receivedAt = in.readLong();
            int n = in.readInt();
            if (n < 0 || n > payload.length) throw new IOException("bad line count " + n);
            List<byte[]> lines = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int len = in.readInt();
                if (len < 0 || len > payload.length) throw new IOException("bad line length " + len + " at line " + i);
                byte[] line = in.readNBytes(len);
                // readNBytes returns short at end of input instead of throwing: a truncated batch must not decode.
                if (line.length != len) {
                    throw new IOException("raw batch truncated in line " + i + ": actual " + line.length + " bytes vs expected " + len);
                }
                lines.add(line);
            }
            return new RawBatch(source, index, address, receivedAt, lines);
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
