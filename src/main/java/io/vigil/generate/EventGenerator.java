package io.vigil.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Produces realistic events as JSON documents ready for {@code _bulk}: Windows events (from templates, with
 * hosts, users, IPs and times rewritten), Linux auth lines and web access lines (wrapped as
 * {@code {"@timestamp", "message", "event.dataset"}}).
 *
 * <p>Times are spread evenly over {@code [from, to)} with jitter, in order, so a run of {@code n} events
 * fills the window like a steady stream.
 */
public final class EventGenerator implements Iterator<String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IPV4 = Pattern.compile("\\b(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\b");
    private static final DateTimeFormatter SYSLOG_TIME = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter APACHE_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Templates templates;
    private final Random random;
    private final Estate estate;
    private final long from;
    private final long step;
    private final long count;
    private long produced;

    /**
     * @param templates where events are modelled on
     * @param seed      same seed → same sequence
     * @param from      first event time, epoch millis
     * @param to        end of the window, epoch millis
     * @param count     events to produce ({@code Long.MAX_VALUE} for an endless stream at {@code to - from} per event)
     */
    public EventGenerator(Templates templates, long seed, long from, long to, long count) {
        if (to < from) throw new IllegalArgumentException("window is reversed");
        this.templates = templates;
        this.random = new Random(seed);
        this.estate = new Estate(random, 60, 250);
        this.from = from;
        this.count = count;
        this.step = count == Long.MAX_VALUE ? Math.max(1, to - from) : Math.max(1, (to - from) / Math.max(1, count));
    }

    @Override
    public boolean hasNext() {
        return produced < count;
    }

    @Override
    public String next() {
        long time = from + produced * step + (step > 1 ? random.nextLong(step) : 0);
        produced++;
        int pick = random.nextInt(100);
        if (pick < templates.windowsShare() || (templates.authLines().isEmpty() && templates.webLines().isEmpty())) {
            return windows(time);
        }
        boolean auth = !templates.authLines().isEmpty() && (templates.webLines().isEmpty() || pick % 2 == 0);
        return auth ? auth(time) : web(time);
    }

    private String windows(long time) {
        ObjectNode event = templates.windows().get(random.nextInt(templates.windows().size())).deepCopy();
        String host = estate.host();
        String user = estate.user();
        List<String> names = new ArrayList<>();
        event.fieldNames().forEachRemaining(names::add);
        for (String name : names) rewriteWindowsField(event, name, host, user, time);
        if (!event.has("@timestamp")) event.put("@timestamp", Instant.ofEpochMilli(time).toString());
        return event.toString();
    }

    private void rewriteWindowsField(ObjectNode event, String name, String host, String user, long time) {
        JsonNode value = event.get(name);
        if (!value.isTextual()) return;
        String text = value.asText();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "hostname", "computer", "computername", "workstationname", "host.name" ->
                    event.put(name, text.contains(".") ? host + text.substring(text.indexOf('.')) : host);
            case "targetusername", "subjectusername", "accountname", "user", "username" -> {
                if (!text.endsWith("$") && !text.equalsIgnoreCase("SYSTEM") && !text.equals("-") && !text.isEmpty()) {
                    event.put(name, text.contains("\\") ? text.substring(0, text.indexOf('\\') + 1) + user : user);
                }
            }
            case "ipaddress", "sourceaddress", "sourceip", "destinationip", "destaddress", "clientip" -> {
                if (IPV4.matcher(text).matches() && !text.startsWith("127.") && !text.equals("0.0.0.0")) {
                    event.put(name, estate.internalIp());
                }
            }
            case "@timestamp", "timecreated" -> event.put(name, Instant.ofEpochMilli(time).toString());
            case "utctime", "eventtime", "eventreceivedtime" -> event.put(name, SPACED.format(Instant.ofEpochMilli(time)));
            default -> { }
        }
    }

    private String auth(long time) {
        String line = templates.authLines().get(random.nextInt(templates.authLines().size()));
        // "Mar 27 13:06:56 host sshd[1291]: ..." → new time and host; outside addresses rewritten
        String rest = line.length() > 16 ? line.substring(16) : line;
        int space = rest.indexOf(' ');
        String body = space > 0 ? rest.substring(space + 1) : rest;
        body = rewriteIps(body, false);
        String rewritten = SYSLOG_TIME.format(Instant.ofEpochMilli(time)) + " " + estate.host() + " " + body;
        return wrap(time, rewritten, "system.auth");
    }

    private String web(long time) {
        String line = templates.webLines().get(random.nextInt(templates.webLines().size()));
        String rewritten = rewriteIps(line, true)
                .replaceFirst("\\[[^\\]]+\\]", "[" + APACHE_TIME.format(Instant.ofEpochMilli(time)) + "]");
        return wrap(time, rewritten, "apache.access");
    }

    private String rewriteIps(String text, boolean external) {
        Matcher m = IPV4.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ip = m.group();
            String replacement = ip.startsWith("0.") || ip.startsWith("127.") ? ip : external ? estate.externalIp() : estate.internalIp();
            m.appendReplacement(out, replacement);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String wrap(long time, String message, String dataset) {
        try {
            return JSON.writeValueAsString(Map.of("@timestamp", Instant.ofEpochMilli(time).toString(),
                    "message", message, "event", Map.of("dataset", dataset)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
