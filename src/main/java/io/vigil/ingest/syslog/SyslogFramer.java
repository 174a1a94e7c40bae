package io.vigil.ingest.syslog;

import java.util.Arrays;

/**
 * Splits a syslog byte stream (TCP or TLS) into messages, RFC 6587 style, deciding the framing per frame:
 *
 * <pre>
 *  frame start ──'1'..'9'──► COUNT  ──digits (≤ 10)──► COUNT ──SP──► OCTETS (read exactly LEN bytes;
 *      │                                                               trailing LF/CR/NUL inside them dropped)
 *      │                       └──anything else──► LINE (the digits become the start of the text)
 *      ├──LF / CR / NUL──► skipped (empty frame, or the trailer after an octet-counted frame)
 *      └──anything else──► LINE ──LF or NUL──► message (a CR before the LF is dropped)
 * </pre>
 *
 * <p>Limits: a message longer than {@code maxMessageBytes} is delivered cut at exactly that many bytes
 * with {@code truncated = true}; the rest of the frame (up to the trailer, or the rest of the octet count)
 * is read and discarded, so no frame, however large its declared length, makes the framer hold more than
 * {@code maxMessageBytes} bytes. A CR before the LF counts towards the limit.
 *
 * <p>End of stream ({@link #endOfStream}): an unterminated line is delivered as a whole message (many
 * senders omit the last LF); a partial octet-counted frame is delivered as received, marked truncated;
 * lone count digits are delivered as text.
 *
 * <p>Not thread-safe: one framer per connection.
 */
public final class SyslogFramer {
    /** Receives each framed message. The array is the caller's to keep. */
    @FunctionalInterface
    public interface MessageSink {
        void message(byte[] message, boolean truncated);
    }

    private enum State { FRAME_START, COUNT, OCTETS, LINE, DISCARD_LINE }

    /** More digits than this cannot be a plausible length (10 digits already exceed any max). */
    private static final int MAX_COUNT_DIGITS = 10;
    private static final int INITIAL_BUFFER = 4096;

    private final int maxMessageBytes;
    private byte[] buffer;
    private int length;
    private State state = State.FRAME_START;
    private long remainingOctets;
    private boolean octetFrameTruncated;
    private int countDigits;

    public SyslogFramer(int maxMessageBytes) {
        if (maxMessageBytes < MAX_COUNT_DIGITS) {
            throw new IllegalArgumentException("maxMessageBytes must be at least " + MAX_COUNT_DIGITS + ", was " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
        this.buffer = new byte[Math.min(INITIAL_BUFFER, maxMessageBytes)];
    }

    /** Frames {@code count} bytes of {@code data} from {@code offset}, handing every completed message to the sink. */
    public void feed(byte[] data, int offset, int count, MessageSink sink) {
        int pos = offset;
        int end = offset + count;
        while (pos < end) {
            pos = switch (state) {
                case FRAME_START -> frameStart(data[pos], pos);
                case COUNT -> countDigit(data[pos], pos);
                case OCTETS -> octets(data, pos, end, sink);
                case LINE -> line(data, pos, end, sink);
                case DISCARD_LINE -> discardLine(data, pos, end);
            };
        }
    }

    /** The sender closed: delivers what a partial frame holds (see the class comment) and resets. */
    public void endOfStream(MessageSink sink) {
        switch (state) {
            case COUNT, LINE -> emitLine(sink, false);
            case OCTETS -> {
                if (length > 0) {
                    emit(sink, true);
                }
            }
            case FRAME_START, DISCARD_LINE -> { }
        }
        length = 0;
        state = State.FRAME_START;
    }

    /** Bytes held for the frame in progress (never more than {@code maxMessageBytes}). */
    public int bufferedBytes() {
        return length;
    }

    private int frameStart(byte b, int pos) {
        if (b == '\n' || b == '\r' || b == 0) {
            return pos + 1;
        }
        if (b >= '1' && b <= '9') {
            state = State.COUNT;
            remainingOctets = b - '0';
            countDigits = 1;
            append(b);
            return pos + 1;
        }
        state = State.LINE;
        return pos;
    }

    private int countDigit(byte b, int pos) {
        if (b == ' ') {
            length = 0;
            octetFrameTruncated = remainingOctets > maxMessageBytes;
            state = State.OCTETS;
            return pos + 1;
        }
        if (b >= '0' && b <= '9' && countDigits < MAX_COUNT_DIGITS) {
            remainingOctets = remainingOctets * 10 + (b - '0');
            countDigits++;
            append(b);
            return pos + 1;
        }
        state = State.LINE; // not an octet count after all: the digits are text and b is handled as text
        return pos;
    }

    private int octets(byte[] data, int pos, int end, MessageSink sink) {
        int take = (int) Math.min(remainingOctets, end - pos);
        int keep = Math.min(take, maxMessageBytes - length);
        appendRange(data, pos, keep);
        remainingOctets -= take;
        if (remainingOctets == 0) {
            if (!octetFrameTruncated) {
                dropTrailers();
            }
            if (length > 0) {
                emit(sink, octetFrameTruncated);
            }
            state = State.FRAME_START;
        }
        return pos + take;
    }

    private int line(byte[] data, int pos, int end, MessageSink sink) {
        int trailer = pos;
        while (trailer < end && data[trailer] != '\n' && data[trailer] != 0) {
            trailer++;
        }
        int room = maxMessageBytes - length;
        if (trailer - pos > room) {
            appendRange(data, pos, room);
            emit(sink, true);
            state = State.DISCARD_LINE;
            return pos + room;
        }
        appendRange(data, pos, trailer - pos);
        if (trailer == end) {
            return end;
        }
        emitLine(sink, false);
        state = State.FRAME_START;
        return trailer + 1;
    }

    private int discardLine(byte[] data, int pos, int end) {
        for (int i = pos; i < end; i++) {
            if (data[i] == '\n' || data[i] == 0) {
                state = State.FRAME_START;
                return i + 1;
            }
        }
        return end;
    }

    private void emitLine(MessageSink sink, boolean truncated) {
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        if (length > 0) {
            emit(sink, truncated);
        }
    }

    /** Senders such as rsyslog's standard templates count a trailing LF into the frame; it is framing, not content. */
    private void dropTrailers() {
        while (length > 0 && (buffer[length - 1] == '\n' || buffer[length - 1] == '\r' || buffer[length - 1] == 0)) {
            length--;
        }
    }

    private void emit(MessageSink sink, boolean truncated) {
        byte[] message = Arrays.copyOf(buffer, length);
        length = 0;
        sink.message(message, truncated);
    }

    private void append(byte b) {
        ensureRoom(1);
        buffer[length++] = b;
    }

    private void appendRange(byte[] data, int from, int count) {
        if (count > 0) {
            ensureRoom(count);
            System.arraycopy(data, from, buffer, length, count);
            length += count;
        }
    }

    private void ensureRoom(int extra) {
        int needed = length + extra;
        if (needed > buffer.length) {
            int grown = (int) Math.min(maxMessageBytes, Math.max(needed, 2L * buffer.length));
            buffer = Arrays.copyOf(buffer, grown);
        }
    }
}
