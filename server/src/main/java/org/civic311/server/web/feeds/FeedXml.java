package org.civic311.server.web.feeds;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.civic311.server.domain.feeds.Feed;

/** What the Atom and RSS writers share: the XML writer, and text made safe for XML 1.0. */
abstract class FeedXml {
  static final String GEORSS = "http://www.georss.org/georss";
  static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  /** The feed as a document's bytes, in UTF-8. */
  final byte[] write(Feed feed, String self) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      body(w, feed, self);
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write a feed", e);
    }
    return out.toByteArray();
  }

  abstract void body(XMLStreamWriter w, Feed feed, String self) throws XMLStreamException;

  /** The media type of the documents written. */
  abstract String contentType();

  static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(clean(text));
    w.writeEndElement();
  }

  /** A GeoRSS Simple point: latitude, then longitude. */
  static void point(XMLStreamWriter w, Feed.Entry e) throws XMLStreamException {
    if (e.lat() != null && e.lon() != null) {
      w.writeStartElement("georss", "point", GEORSS);
      w.writeCharacters(e.lat() + " " + e.lon());
      w.writeEndElement();
    }
  }

  /** XML 1.0 cannot carry most control characters, even escaped; a stray one would break the whole feed. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
          || c >= 0x10000 && c <= 0x10FFFF) {
        b.appendCodePoint(c);
      }
    });
    return b.toString();
  }
}
