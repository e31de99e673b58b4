package org.civic311.server.web.feeds;

import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.civic311.server.domain.feeds.Feed;

/**
 * A feed as an RSS 2.0 document with GeoRSS Simple points. The entries' ids become guids that are
 * not permalinks; an {@code atom:link rel="self"} names the feed, as validators ask.
 */
final class RssFeed extends FeedXml {
  private static final DateTimeFormatter TIME = DateTimeFormatter.RFC_1123_DATE_TIME;

  @Override
  String contentType() {
    return "application/rss+xml; charset=utf-8";
  }

  @Override
  void body(XMLStreamWriter w, Feed feed, String self) throws XMLStreamException {
    w.writeStartElement("rss");
    w.writeAttribute("version", "2.0");
    w.writeNamespace("atom", ATOM);
    w.writeNamespace("georss", GEORSS);
    w.writeStartElement("channel");
    element(w, "title", feed.title());
    element(w, "link", feed.link());
    element(w, "description", feed.subtitle());
    w.writeEmptyElement("atom", "link", ATOM);
    w.writeAttribute("rel", "self");
    w.writeAttribute("type", "application/rss+xml");
    w.writeAttribute("href", self);
    element(w, "lastBuildDate", TIME.format(feed.updated()));
    element(w, "generator", "Civic311");
    for (Feed.Entry e : feed.entries()) {
      w.writeStartElement("item");
      element(w, "title", e.title());
      element(w, "link", e.link());
      w.writeStartElement("guid");
      w.writeAttribute("isPermaLink", "false");
      w.writeCharacters(clean(e.id()));
      w.writeEndElement();
      element(w, "pubDate", TIME.format(e.updated()));
      if (!e.summary().isEmpty()) {
        element(w, "description", e.summary());
      }
      if (e.category() != null) {
        element(w, "category", e.category());
      }
      point(w, e);
      w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
  }
}
