package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Atom and RSS feeds of new requests and of one request's history, read as a feed reader would. */
class FeedsHttpTest {
  static final String API = "/open311/v2";
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String GEORSS = "http://www.georss.org/georss";
  /** Markers that must never leave the server through a feed. */
  static final String EMAIL = "feedprobe.7a1c@example.net";
  static final String PHONE = "+1-555-0142-8836";
  static final String FIRST = "Feedprobefirst";
  static final String DEVICE = "device-feedprobe-31";
  static final String ACCOUNT = "account-feedprobe-77";
  static final String TYPED_PHONE = "202-555-0177";
  static final String TYPED_EMAIL = "typed.feedprobe@example.com";
  static final String INTERNAL = "Internalfeednoteprobe";
  static final String HIDDEN = "Hiddenfeedrequestprobe";

  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  static String lamp;
  static String pothole;
  static String hidden;

  @BeforeAll
  static void requests() throws Exception {
    lamp = post("LAMP", "Lamp dark. Call " + TYPED_PHONE + " or " + TYPED_EMAIL, "40.71", "-74.01",
        "attribute[FAULT]", "DARK", "address_string", "12 Elm St");
    pothole = post("POT", "Hole by the school", "40.90", "-73.50");
    hidden = post("POT", HIDDEN + " rude words", "40.71", "-74.01");
    // A second past the requests, whose times have milliseconds this one lacks.
    String now = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
    Answer u = server.http().postForm(API + "/servicerequestupdates.xml", form("api_key", TestConfig.KEY,
        "service_request_id", lamp, "update_id", "U-1", "status", "IN_PROGRESS", "updated_datetime", now,
        "description", "Crew sent; ring " + TYPED_PHONE));
    assertThat(u.status()).as(u.toString()).isEqualTo(200);
    StaffAccounts.create(server.fixture(), "feedclerk", "agent", TestConfig.CITY);
    try (Connection c = server.connect()) {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO internal_notes (request_id, user_id, body,"
          + " created_at) SELECT ?, id, ?, ? FROM staff_users WHERE username = 'feedclerk'")) {
        s.setLong(1, Long.parseLong(lamp));
        s.setString(2, INTERNAL);
        s.setLong(3, System.currentTimeMillis());
        assertThat(s.executeUpdate()).isEqualTo(1);
      }
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE service_requests SET hidden_reason = 'rude', hidden_at = ? WHERE id = ?")) {
        s.setLong(1, System.currentTimeMillis());
        s.setLong(2, Long.parseLong(hidden));
        assertThat(s.executeUpdate()).isEqualTo(1);
      }
    }
  }

  static String post(String service, String description, String lat, String lon, String... extra) {
    List<String> pairs = new ArrayList<>(List.of("api_key", TestConfig.KEY, "service_code", service, "description",
        description, "lat", lat, "long", lon, "email", EMAIL, "phone", PHONE, "first_name", FIRST, "device_id",
        DEVICE, "account_id", ACCOUNT));
    pairs.addAll(List.of(extra));
    Answer a = server.http().postForm(API + "/requests.json", form(pairs.toArray(String[]::new)));
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    return a.json().get(0).get("service_request_id").asText();
  }

  static Document xml(Answer a) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(a.body()));
  }

  static List<Element> children(Element parent, String ns, String name) {
    List<Element> out = new ArrayList<>();
    NodeList all = parent.getElementsByTagNameNS(ns, name);
    for (int i = 0; i < all.getLength(); i++) {
      if (all.item(i).getParentNode() == parent) {
        out.add((Element) all.item(i));
      }
    }
    return out;
  }

  static String text(Element parent, String ns, String name) {
    List<Element> c = children(parent, ns, name);
    return c.isEmpty() ? null : c.get(0).getTextContent();
  }

  static List<Element> atomEntries(String path) throws Exception {
    Answer a = server.http().get(path);
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("application/atom+xml");
    return children(xml(a).getDocumentElement(), ATOM, "entry");
  }

  static List<String> ids(List<Element> entries) {
    return entries.stream().map(e -> text(e, ATOM, "id")).toList();
  }

  static String linkOf(Element e) {
    return children(e, ATOM, "link").get(0).getAttribute("href");
  }

  @Test
  void theAtomFeedListsNewRequestsNewestFirstWithLinksAndPoints() throws Exception {
    List<Element> entries = atomEntries("/feeds/requests.atom");
    List<String> links = entries.stream().map(FeedsHttpTest::linkOf).toList();
    assertThat(links).hasSize(2);
    assertThat(links.get(0)).endsWith("/requests/" + pothole);
    assertThat(links.get(1)).startsWith("http://127.0.0.1:").endsWith("/requests/" + lamp);
    Element lampEntry = entries.get(1);
    assertThat(text(lampEntry, ATOM, "title")).isEqualTo("Street light out at 12 Elm St");
    assertThat(text(lampEntry, GEORSS, "point")).isEqualTo("40.71 -74.01");
    assertThat(text(lampEntry, ATOM, "updated")).isNotBlank();
    assertThat(text(lampEntry, ATOM, "summary")).contains("Lamp dark");
    assertThat(text(entries.get(0), GEORSS, "point")).isEqualTo("40.9 -73.5");
    Element feed = (Element) lampEntry.getParentNode();
    assertThat(text(feed, ATOM, "updated")).isNotBlank();
    assertThat(text(feed, ATOM, "title")).contains("City of " + TestConfig.CITY);
  }

  @Test
  void entryIdsAreStableAcrossCalls() throws Exception {
    List<String> first = ids(atomEntries("/feeds/requests.atom"));
    List<String> again = ids(atomEntries("/feeds/requests.atom"));
    assertThat(first).hasSize(2).doesNotHaveDuplicates().isEqualTo(again);
    assertThat(first.get(1)).startsWith("tag:city.example.org,").endsWith(":request:" + lamp);
    assertThat(ids(atomEntries("/feeds/requests.atom?service_code=LAMP"))).containsExactly(first.get(1));
  }

  @Test
  void theRssFeedCarriesTheSameRequests() throws Exception {
    Answer a = server.http().get("/feeds/requests.rss");
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("application/rss+xml");
    Element rss = xml(a).getDocumentElement();
    assertThat(rss.getTagName()).isEqualTo("rss");
    assertThat(rss.getAttribute("version")).isEqualTo("2.0");
    Element channel = children(rss, null, "channel").get(0);
    List<Element> items = children(channel, null, "item");
    assertThat(items).hasSize(2);
    Element item = items.get(1);
    assertThat(text(item, null, "link")).endsWith("/requests/" + lamp);
    assertThat(text(item, null, "guid")).isEqualTo(ids(atomEntries("/feeds/requests.atom")).get(1));
    assertThat(children(item, null, "guid").get(0).getAttribute("isPermaLink")).isEqualTo("false");
    assertThat(text(item, null, "pubDate")).matches("\\w{3}, \\d{1,2} \\w{3} \\d{4} .*");
    assertThat(text(item, GEORSS, "point")).isEqualTo("40.71 -74.01");
  }

  @Test
  void filtersNarrowTheFeedAsTheyNarrowTheApi() throws Exception {
    assertThat(atomEntries("/feeds/requests.atom?service_code=POT").stream().map(FeedsHttpTest::linkOf))
        .singleElement().asString().endsWith("/requests/" + pothole);
    assertThat(atomEntries("/feeds/requests.atom?bbox=-74.1,40.6,-73.9,40.8").stream().map(FeedsHttpTest::linkOf))
        .singleElement().asString().endsWith("/requests/" + lamp);
    assertThat(atomEntries("/feeds/requests.atom?lat=40.9&long=-73.5&radius=500").stream()
        .map(FeedsHttpTest::linkOf)).singleElement().asString().endsWith("/requests/" + pothole);
    assertThat(atomEntries("/feeds/requests.atom?status=closed")).isEmpty();
    assertThat(atomEntries("/feeds/requests.atom?status=open")).hasSize(2);
    assertThat(atomEntries("/feeds/requests.atom?page_size=1")).hasSize(1);
  }

  @Test
  void aRequestsHistoryFeedListsItsPublicUpdatesNewestFirst() throws Exception {
    List<Element> entries = atomEntries("/feeds/requests/" + lamp + ".atom");
    assertThat(entries).hasSize(2);
    assertThat(text(entries.get(0), ATOM, "title")).startsWith("In progress: Street light out");
    assertThat(text(entries.get(0), ATOM, "summary")).startsWith("Crew sent");
    assertThat(text(entries.get(1), ATOM, "title")).startsWith("Reported: ");
    assertThat(linkOf(entries.get(0))).endsWith("/requests/" + lamp);
    assertThat(ids(entries)).doesNotHaveDuplicates().isEqualTo(ids(atomEntries("/feeds/requests/" + lamp + ".atom")));
    Answer rss = server.http().get("/feeds/requests/" + lamp + ".rss");
    assertThat(rss.status()).isEqualTo(200);
    assertThat(rss.contentType()).startsWith("application/rss+xml");
    Element channel = children(xml(rss).getDocumentElement(), null, "channel").get(0);
    assertThat(children(channel, null, "item")).hasSize(2);
  }

  @Test
  void aFeedAnswersIfNoneMatchWith304AndNamesItsNewestEntry() {
    Answer a = server.http().get("/feeds/requests.atom");
    String etag = a.headers().firstValue("ETag").orElseThrow();
    assertThat(a.headers().firstValue("Last-Modified").orElseThrow())
        .matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    Answer again = server.http().send(HttpRequest.newBuilder(server.http().uri("/feeds/requests.atom"))
        .header("If-None-Match", etag).GET());
    assertThat(again.status()).isEqualTo(304);
    Answer head = server.http().method("HEAD", "/feeds/requests.atom");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).contains(etag);
    Answer history = server.http().get("/feeds/requests/" + lamp + ".rss");
    Answer historyAgain = server.http().send(HttpRequest.newBuilder(
        server.http().uri("/feeds/requests/" + lamp + ".rss"))
        .header("If-None-Match", history.headers().firstValue("ETag").orElseThrow()).GET());
    assertThat(historyAgain.status()).isEqualTo(304);
  }

  @Test
  void noPersonalDetailInternalNoteOrHiddenRequestLeavesThroughAFeed() {
    List<String> paths = List.of("/feeds/requests.atom", "/feeds/requests.rss", "/feeds/requests/" + lamp + ".atom",
        "/feeds/requests/" + lamp + ".rss", "/feeds/requests.atom?service_code=POT");
    for (String path : paths) {
      Answer a = server.http().get(path);
      assertThat(a.status()).as(path).isEqualTo(200);
      String everything = a.headers().map() + "\n" + a.text();
      for (String marker : List.of(EMAIL, PHONE, FIRST, DEVICE, ACCOUNT, TYPED_PHONE, TYPED_EMAIL, INTERNAL,
          HIDDEN)) {
        assertThat(everything).as(marker + " in " + path).doesNotContain(marker);
      }
    }
    assertThat(server.http().get("/feeds/requests.atom").text()).contains("Lamp dark").contains("Hole by the school");
    assertThat(server.http().get("/feeds/requests/" + lamp + ".atom").text()).contains("Crew sent");
  }

  @Test
  void aHiddenOrUnknownRequestHasNoFeed() throws Exception {
    for (String id : List.of(hidden, "987654", "abc")) {
      Answer a = server.http().get("/feeds/requests/" + id + ".atom");
      assertThat(a.status()).as(id).isEqualTo(404);
      assertThat(a.contentType()).startsWith("text/xml");
      assertThat(xml(a).getDocumentElement().getTagName()).isEqualTo("errors");
    }
    assertThat(server.http().get("/feeds/requests/" + lamp + ".json").status()).isEqualTo(404);
    assertThat(server.http().get("/feeds/nothing").status()).isEqualTo(404);
  }

  @Test
  void aBadFilterIs400WithTheApisMessage() throws Exception {
    Answer a = server.http().get("/feeds/requests.atom?status=pending&bbox=1,2");
    assertThat(a.status()).isEqualTo(400);
    Document d = xml(a);
    assertThat(d.getDocumentElement().getTagName()).isEqualTo("errors");
    assertThat(a.text()).contains("status 'pending' is not open or closed")
        .contains("bbox must be four numbers");
    assertThat(server.http().get("/feeds/requests.rss?lat=40").status()).isEqualTo(400);
  }

  @Test
  void theBrowsePageAnnouncesTheFeedOfItsFilters() {
    String page = server.http().get("/browse?service=POT&status=open").text();
    String atom = "/feeds/requests.atom?service_code=POT&amp;status=open";
    assertThat(page).contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
        .contains("href=\"" + atom + "\"")
        .contains("<link rel=\"alternate\" type=\"application/rss+xml\"")
        .contains("href=\"/feeds/requests.rss?service_code=POT&amp;status=open\"")
        .contains("Follow as a feed");
    assertThat(server.http().get("/browse?lang=es").text()).contains("Seguir como canal")
        .contains("href=\"/feeds/requests.atom\"");
  }

  @Test
  void aRequestsPageAnnouncesItsHistoryFeed() {
    String page = server.http().get("/requests/" + lamp).text();
    assertThat(page).contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
        .contains("href=\"/feeds/requests/" + lamp + ".atom\"")
        .contains("href=\"/feeds/requests/" + lamp + ".rss\"")
        .contains("id=\"feeds\"");
  }
}
