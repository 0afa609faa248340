package org.manabi.exchange.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One element of a Moodle XML question, read into memory so that the reader can look at its parts in any
 * order; it remembers the line it starts on for the messages.
 */
record XmlNode(String name, Map<String, String> attributes, List<XmlNode> children, String text, int line) {

    /** Reads the element the reader stands on (a START_ELEMENT) up to its end. */
    static XmlNode read(XMLStreamReader reader) throws XMLStreamException {
        String name = reader.getLocalName();
        int line = reader.getLocation().getLineNumber();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        List<XmlNode> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(read(reader));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlNode(name, attributes, List.copyOf(children), text.toString(), line);
                }
                default -> {
                    // comments and processing instructions say nothing about the question
                }
            }
        }
        throw new XMLStreamException("end of file inside <" + name + ">", reader.getLocation());
    }

    /** The first child of that name, or null. */
    XmlNode child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
    }

    List<XmlNode> all(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The text of the child of that name (Moodle's {@code <name><text>…</text></name>} or {@code <single>…</single>}), stripped, or null. */
    String value(String childName) {
        XmlNode child = child(childName);
        if (child == null) {
            return null;
        }
        XmlNode text = child.child("text");
        return (text == null ? child.text : text.text).strip();
    }

    String attribute(String attributeName) {
        return attributes.get(attributeName);
    }
}
