package org.civic311.server.web.feeds;

import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.civic311.server.domain.feeds.Feed;

/** A feed as an Atom document (RFC 4287) with GeoRSS Simple points. */
final class AtomFeed extends FeedXml {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  @Override
  String contentType() {
    return "application/atom+xml; charset=utf-8";
  }

  @Override
  void body(XMLStreamWriter w, Feed feed, String self) throws XMLStreamException {
    w.setDefaultNamespace(ATOM);
    w.writeStartElement(ATOM, "feed");
    w.writeDefaultNamespace(ATOM);
    w.writeNamespace("georss", GEORSS);
    element(w, "id", feed.id());
    element(w, "title", feed.title());
    element(w, "subtitle", feed.subtitle());
    element(w, "updated", TIME.format(feed.updated()));
    link(w, "self", self, "application/atom+xml");
    link(w, "alternate", feed.link(), "text/html");
    w.writeStartElement("author");
    element(w, "name", feed.author());
    w.writeEndElement();
    element(w, "generator", "Civic311");
    for (Feed.Entry e : feed.entries()) {
      w.writeStartElement("entry");
      element(w, "id", e.id());
      element(w, "title", e.title());
      link(w, "alternate", e.link(), "text/html");
      element(w, "published", TIME.format(e.published()));
      element(w, "updated", TIME.format(e.updated()));
      if (!e.summary().isEmpty()) {
        element(w, "summary", e.summary());
      }
      if (e.category() != null) {
        w.writeEmptyElement("category");
        w.writeAttribute("term", clean(e.category()));
      }
      point(w, e);
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
    w.writeEmptyElement("link");
    w.writeAttribute("rel", rel);
    w.writeAttribute("type", type);
    w.writeAttribute("href", href);
  }
}
