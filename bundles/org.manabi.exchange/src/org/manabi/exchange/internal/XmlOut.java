package org.manabi.exchange.internal;

import java.io.OutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A StAX writer that indents, so that the files people open to check an export are readable. */
final class XmlOut implements AutoCloseable {

    private final XMLStreamWriter writer;
    private int depth;
    private boolean hasChildren;

    XmlOut(OutputStream out) throws XMLStreamException {
        writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        writer.writeStartDocument("UTF-8", "1.0");
    }

    XmlOut start(String name) throws XMLStreamException {
        newLine();
        writer.writeStartElement(name);
        depth++;
        hasChildren = false;
        return this;
    }

    XmlOut attribute(String name, String value) throws XMLStreamException {
        writer.writeAttribute(name, value);
        return this;
    }

    /** Declares the default namespace of the element just started. */
    XmlOut namespace(String uri) throws XMLStreamException {
        writer.writeDefaultNamespace(uri);
        return this;
    }

    XmlOut namespace(String prefix, String uri) throws XMLStreamException {
        writer.writeNamespace(prefix, uri);
        return this;
    }

    XmlOut text(String text) throws XMLStreamException {
        writer.writeCharacters(text);
        return this;
    }

    XmlOut end() throws XMLStreamException {
        depth--;
        if (hasChildren) {
            newLine();
        }
        writer.writeEndElement();
        hasChildren = true;
        return this;
    }

    /** An element holding only text: {@code <name>text</name>}. */
    XmlOut element(String name, String text) throws XMLStreamException {
        start(name).text(text);
        depth--;
        writer.writeEndElement();
        hasChildren = true;
        return this;
    }

    /** An empty element, e.g. {@code <correct identifier="RESPONSE"/>}, with attribute pairs. */
    XmlOut empty(String name, String... attributes) throws XMLStreamException {
        newLine();
        writer.writeEmptyElement(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            writer.writeAttribute(attributes[i], attributes[i + 1]);
        }
        hasChildren = true;
        return this;
    }

    private void newLine() throws XMLStreamException {
        writer.writeCharacters("\n" + "  ".repeat(depth));
    }

    @Override
    public void close() throws XMLStreamException {
        writer.writeCharacters("\n");
        writer.writeEndDocument();
        writer.close();
    }
}
