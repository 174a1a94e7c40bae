package io.vigil.parse.windows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders a {@link WindowsRecord} back into the shapes shippers send, so the same event can be fed through
 * every decoder path (tests compare the normalized results) or forwarded in Winlogbeat form.
 */
public final class WindowsRenderings {
    private static final JsonFactory JSON = new JsonFactory();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final String NAMESPACE = "http://schemas.microsoft.com/win/2004/08/events/event";

    private WindowsRenderings() {}

    /** One line of Winlogbeat JSON ({@code winlog.*}, {@code host.name}, {@code @timestamp}). */
    public static byte[] winlogbeat(WindowsRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            writeIfPresent(g, "@timestamp", r.time());
            writeIfPresent(g, "message", r.message());
            g.writeObjectFieldStart("winlog");
            writeIfPresent(g, "channel", r.channel());
            g.writeStringField("event_id", r.eventId());
            writeIfPresent(g, "provider_name", r.providerName());
            writeIfPresent(g, "computer_name", r.computerName());
            writeIfPresent(g, "record_id", r.recordId());
            if (r.processId() != null || r.threadId() != null) {
                g.writeObjectFieldStart("process");
                if (r.processId() != null) g.writeNumberField("pid", r.processId());
                if (r.threadId() != null) g.writeObjectFieldStart("thread");
                if (r.threadId() != null) { g.writeNumberField("id", r.threadId()); g.writeEndObject(); }
                g.writeEndObject();
            }
            if (r.userId() != null) { g.writeObjectFieldStart("user"); g.writeStringField("identifier", r.userId()); g.writeEndObject(); }
            writeMap(g, "event_data", r.eventData());
            writeMap(g, "user_data", r.userData());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The event as one line of Windows event XML (UserData under a {@code <UserData><Data>} wrapper). */
    public static String xml(WindowsRecord r) {
        StringWriter text = new StringWriter(2048);
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(text);
            w.writeStartElement("Event");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeStartElement("System");
            w.writeEmptyElement("Provider");
            if (r.providerName() != null) w.writeAttribute("Name", r.providerName());
            element(w, "EventID", r.eventId());
            w.writeEmptyElement("TimeCreated");
            if (r.time() != null) w.writeAttribute("SystemTime", r.time());
            element(w, "EventRecordID", r.recordId());
            w.writeEmptyElement("Execution");
            if (r.processId() != null) w.writeAttribute("ProcessID", r.processId().toString());
            if (r.threadId() != null) w.writeAttribute("ThreadID", r.threadId().toString());
            element(w, "Channel", r.channel());
            element(w, "Computer", r.computerName());
            w.writeEmptyElement("Security");
            if (r.userId() != null) w.writeAttribute("UserID", r.userId());
            w.writeEndElement();
            w.writeStartElement("EventData");
            for (Map.Entry<String, Object> e : r.eventData().entrySet()) {
                w.writeStartElement("Data");
                w.writeAttribute("Name", e.getKey());
                text(w, first(e.getValue()));
                w.writeEndElement();
            }
            w.writeEndElement();
            if (!r.userData().isEmpty()) {
                w.writeStartElement("UserData");
                w.writeStartElement("Data");
                for (Map.Entry<String, Object> e : r.userData().entrySet()) element(w, e.getKey(), first(e.getValue()));
                w.writeEndElement();
                w.writeEndElement();
            }
            if (r.message() != null) {
                w.writeStartElement("RenderingInfo");
                element(w, "Message", r.message());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot render event " + r.eventId() + " as XML", e);
        }
        return text.toString();
    }

    private static void element(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value == null) return;
        w.writeStartElement(name);
        text(w, value);
        w.writeEndElement();
    }

    /** Writes text keeping carriage returns, which XML readers would otherwise fold into line feeds. */
    private static void text(XMLStreamWriter w, String value) throws XMLStreamException {
        int from = 0;
        for (int cr = value.indexOf('\r'); cr >= 0; cr = value.indexOf('\r', from)) {
            w.writeCharacters(value.substring(from, cr));
            w.writeEntityRef("#13");
            from = cr + 1;
        }
        w.writeCharacters(value.substring(from));
    }

    private static String first(Object value) {
        return value instanceof List<?> l ? (l.isEmpty() ? "" : String.valueOf(l.getFirst())) : String.valueOf(value);
    }

    private static void writeIfPresent(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) g.writeStringField(name, value);
    }

    private static void writeMap(JsonGenerator g, String name, Map<String, Object> values) throws IOException {
        if (values.isEmpty()) return;
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getValue() instanceof List<?> list) {
                g.writeArrayFieldStart(e.getKey());
                for (Object o : list) g.writeString(String.valueOf(o));
                g.writeEndArray();
            } else {
                g.writeStringField(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        g.writeEndObject();
    }
}
