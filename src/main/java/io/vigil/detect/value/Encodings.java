package io.vigil.detect.value;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string-transforming modifiers. UTF-16 modifiers produce a "byte string": one char per byte
 * (0-255), which {@code base64} then encodes as ISO-8859-1 rather than UTF-8.
 */
final class Encodings {

    private static final int[] START_OFFSETS = {0, 2, 3};
    private static final int[] END_TRIM = {0, 3, 2};
    /** A dash or slash that starts a word after a non-word position: {@code -x}, {@code /x}, as pySigma. */
    private static final Pattern WINDASH = Pattern.compile("\\B[-/]\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String[] DASHES = {"-", "/", "\u2013", "\u2014", "\u2015"};
    private static final int MAX_VARIANTS = 3125;

    private Encodings() {}

    static String base64(String text, boolean bytes) {
        return Base64.getEncoder().encodeToString(text.getBytes(charset(bytes)));
    }

    /** The three encodings of {@code text} at byte offsets 0, 1, 2 with the unstable edge characters cut. */
    static List<String> base64Offsets(String text, boolean bytes) {
        byte[] raw = text.getBytes(charset(bytes));
        List<String> out = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            byte[] shifted = new byte[raw.length + i];
            for (int k = 0; k < i; k++) shifted[k] = ' ';
            System.arraycopy(raw, 0, shifted, i, raw.length);
            String enc = Base64.getEncoder().encodeToString(shifted);
            int end = enc.length() - END_TRIM[(raw.length + i) % 3];
            out.add(START_OFFSETS[i] <= end ? enc.substring(START_OFFSETS[i], end) : "");
        }
        return out;
    }

    /** UTF-16 code units as byte chars, little- or big-endian. */
    static String utf16(String text, boolean bigEndian) {
        StringBuilder sb = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char lo = (char) (c & 0xff), hi = (char) (c >>> 8);
            sb.append(bigEndian ? hi : lo).append(bigEndian ? lo : hi);
        }
        return sb.toString();
    }

    /** Every variant of {@code s} with each windash position replaced by each dash character. */
    static List<SigmaString> windash(SigmaString s) {
        List<SigmaString> out = new ArrayList<>();
        List<List<SigmaString.Part>> variants = new ArrayList<>();
        variants.add(new ArrayList<>());
        for (SigmaString.Part part : s.parts()) {
            List<String> texts = part instanceof SigmaString.Text t ? expandDashes(t.text()) : null;
            List<List<SigmaString.Part>> next = new ArrayList<>();
            for (List<SigmaString.Part> v : variants) {
                if (texts == null) {
                    List<SigmaString.Part> copy = new ArrayList<>(v);
                    copy.add(part);
                    next.add(copy);
                } else {
                    for (String t : texts) {
                        List<SigmaString.Part> copy = new ArrayList<>(v);
                        copy.add(new SigmaString.Text(t));
                        next.add(copy);
                    }
                }
            }
            if (next.size() > MAX_VARIANTS) throw new IllegalArgumentException("windash expands '" + s
                    + "' into more than " + MAX_VARIANTS + " variants");
            variants = next;
        }
        for (List<SigmaString.Part> v : variants) out.add(new SigmaString(v));
        return out;
    }

    private static List<String> expandDashes(String text) {
        List<String> out = new ArrayList<>(List.of(""));
        Matcher m = WINDASH.matcher(text);
        int last = 0;
        while (m.find()) {
            String between = text.substring(last, m.start());
            List<String> next = new ArrayList<>();
            for (String prefix : out) for (String d : DASHES) next.add(prefix + between + d);
            if (next.size() > MAX_VARIANTS) throw new IllegalArgumentException("windash expands '" + text
                    + "' into more than " + MAX_VARIANTS + " variants");
            out = next;
            last = m.end();
        }
        String tail = text.substring(last);
        out.replaceAll(prefix -> prefix + tail);
        return out;
    }

    private static Charset charset(boolean bytes) {
        return bytes ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
    }
}
