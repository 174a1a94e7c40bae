package io.vigil.parse.windows;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Windows event XML ({@code <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">})
 * with the JDK's StAX parser. DTDs and external entities are disabled, so a hostile document can neither
 * read files nor expand entities. Thread-safe: the configured factory is shared, readers are per call.
 */
final class WindowsXml {
    private static final XMLInputFactory FACTORY = createFactory();

    private static XMLInputFactory createFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** A whole {@code <Event>}; throws when the XML is malformed or has no EventID. */
    WindowsRecord readEvent(byte[] xml, int offset, int length) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml, offset, length));
        try {
            return readEvent(r);
        } finally {
            r.close();
        }
    }

    /** The fields of an {@code <EventData>} fragment, as Log Analytics stores it in a string column. */
    Map<String, Object> readEventData(String xml) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
        Map<String, Object> data = new LinkedHashMap<>();
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Data")) {
                    readData(r, data);
                }
            }
        } finally {
            r.close();
        }
        return data;
    }

    private WindowsRecord readEvent(XMLStreamReader r) throws XMLStreamException {
        Map<String, String> system = new LinkedHashMap<>();
        Map<String, Object> eventData = new LinkedHashMap<>();
        Map<String, Object> userData = new LinkedHashMap<>();
        String[] path = new String[64];
        StringBuilder text = new StringBuilder();
        String dataName = null;
        int depth = 0;
        int lastStartDepth = -1;
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (depth == path.length) throw new XMLStreamException("nests deeper than " + path.length + " elements");
                    String name = r.getLocalName();
                    if (depth == 0 && !name.equals("Event")) {
                        throw new XMLStreamException("the root element is <" + name + ">, not <Event>");
                    }
                    path[depth++] = name;
                    lastStartDepth = depth;
                    text.setLength(0);
                    if (depth == 3 && path[1].equals("System")) readSystemAttributes(r, name, system);
                    if (name.equals("Data")) dataName = r.getAttributeValue(null, "Name");
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    boolean leaf = lastStartDepth == depth;
                    String name = path[depth - 1];
                    String section = depth >= 2 ? path[1] : "";
                    if (leaf && depth == 3 && section.equals("System")) system.put(name, text.toString());
                    else if (leaf && section.equals("EventData") && name.equals("Data")) {
                        eventData.put(dataName != null ? dataName : "param" + (eventData.size() + 1), text.toString());
                    } else if (leaf && depth > 2 && section.equals("UserData")) userData.put(name, text.toString());
                    else if (leaf && section.equals("RenderingInfo") && name.equals("Message")) system.put("Message", text.toString());
                    depth--;
                    lastStartDepth = -1;
                }
                default -> { }
            }
        }
        String eventId = system.get("EventID");
        if (eventId == null || eventId.isBlank()) throw new XMLStreamException("the event has no <EventID>");
        return new WindowsRecord(Channels.canonical(system.get("Channel")), eventId.strip(), system.get("Provider.Name"),
                system.get("Computer"), system.get("EventRecordID"), JsonShapes.number(system.get("ProcessID")),
                JsonShapes.number(system.get("ThreadID")), system.get("UserID"), system.get("SystemTime"),
                eventData, userData, system.get("Message"));
    }

    private static void readSystemAttributes(XMLStreamReader r, String name, Map<String, String> system) {
        switch (name) {
            case "Provider" -> putAttribute(r, "Name", "Provider.Name", system);
            case "TimeCreated" -> putAttribute(r, "SystemTime", "SystemTime", system);
            case "Security" -> putAttribute(r, "UserID", "UserID", system);
            case "Execution" -> {
                putAttribute(r, "ProcessID", "ProcessID", system);
                putAttribute(r, "ThreadID", "ThreadID", system);
            }
            default -> { }
        }
    }

    private static void putAttribute(XMLStreamReader r, String attribute, String key, Map<String, String> out) {
        String v = r.getAttributeValue(null, attribute);
        if (v != null) out.put(key, v);
    }

    private static void readData(XMLStreamReader r, Map<String, Object> out) throws XMLStreamException {
        String name = r.getAttributeValue(null, "Name");
        String value = r.getElementText();
        out.put(name != null ? name : "param" + (out.size() + 1), value);
    }
}
