package io.vigil.parse.windows;

import io.vigil.parse.DecodeResult;
import io.vigil.parse.Decoder;
import javax.xml.stream.XMLStreamException;

/**
 * Decodes a line holding a raw Windows {@code <Event>} XML document (as Windows Event Forwarding or
 * {@code wevtutil qe /f:xml} render it) into the normalized Windows form. Lines that do not start with
 * {@code <Event} are not claimed (syslog lines also start with '<').
 */
public final class WindowsXmlDecoder implements Decoder {
    public static final String NAME = "windows-xml";

    private final WindowsXml xml = new WindowsXml();
    private final WindowsNormalizer normalizer = new WindowsNormalizer();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DecodeResult decode(byte[] line) {
        int start = 0;
        if (line.length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) start = 3;
        while (start < line.length && (line[start] == ' ' || line[start] == '\t')) start++;
        if (!startsWith(line, start, "<Event") && !startsWith(line, start, "<?xml")) return DecodeResult.notMine();
        try {
            return new DecodeResult.Decoded(normalizer.normalize(xml.readEvent(line, start, line.length - start)));
        } catch (XMLStreamException e) {
            return new DecodeResult.Failed("is not a valid Windows event XML document: " + oneLine(e.getMessage()));
        }
    }

    /** The shape-independent record of an XML event; throws when it is not one. */
    public WindowsRecord read(byte[] line) throws XMLStreamException {
        return xml.readEvent(line, 0, line.length);
    }

    private static boolean startsWith(byte[] line, int at, String prefix) {
        if (line.length - at < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) if (line[at + i] != prefix.charAt(i)) return false;
        return true;
    }

    private static String oneLine(String message) {
        return message == null ? "malformed" : message.replace('\n', ' ').replace('\r', ' ');
    }
}
