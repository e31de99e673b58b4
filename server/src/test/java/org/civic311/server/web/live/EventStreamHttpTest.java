package org.civic311.server.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.EventSource;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /open311/v2/events}: new requests, updates, hiding and merging reach an open stream,
 * filtered like {@code GET requests}, with public fields only; a client that reconnects with
 * {@code Last-Event-ID} gets exactly what it missed; bad input is refused before the stream.
 */
class EventStreamHttpTest {
  static final String API = "/open311/v2";
  static final Duration WAIT = Duration.ofSeconds(5);
  static final String EMAIL = "liveprobe.3c@example.net";
  static final String PHONE = "+1-555-0199-4411";
  static final String FIRST = "Liveprobefirst";
  static final String TYPED_PHONE = "202-555-0191";

  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  static URI events(String query) {
    return server.http().uri(API + "/events" + (query.isEmpty() ? "" : "?" + query));
  }

  static String post(String service, String description, String lat, String lon) {
    Answer a = server.http().postForm(API + "/requests.json", form("api_key", TestConfig.KEY, "service_code", service,
        "description", description, "lat", lat, "long", lon, "email", EMAIL, "phone", PHONE, "first_name", FIRST,
        "device_id", "device-liveprobe", "account_id", "account-liveprobe"));
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    return a.json().get(0).get("service_request_id").asText();
  }

  static void update(String id, String status, String note) {
    Answer a = server.http().postForm(API + "/servicerequestupdates.json", form("api_key", TestConfig.KEY,
        "service_request_id", id, "update_id", "live-" + java.util.UUID.randomUUID(), "status", status, "updated_datetime", Instant.now().toString(), "description", note));
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
  }

  static void sql(String statement, Object... values) throws Exception {
    try (Connection c = server.connect(); PreparedStatement s = c.prepareStatement(statement)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }

  static Answer get(String pathAndQuery, String lastEventId) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.http().uri(pathAndQuery)).GET();
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId);
    }
    return server.http().send(b);
  }

  @Test
  void aNewRequestReachesAnOpenStreamWithPublicFieldsOnly() throws Exception {
    try (EventSource s = EventSource.open(events("jurisdiction_id=" + TestConfig.CITY), null)) {
      assertThat(s.response().headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
      String id = post("POT", "Hole here, ring " + TYPED_PHONE, "40.71", "-74.01");
      EventSource.Event e = s.next(WAIT);
      assertThat(e).as("an event within " + WAIT).isNotNull();
      assertThat(e.type()).isEqualTo("request.created");
      assertThat(e.json().get("id").asText()).isEqualTo(e.id());
      assertThat(e.json().get("service_request_id").asText()).isEqualTo(id);
      assertThat(e.json().get("request").get("service_code").asText()).isEqualTo("POT");
      assertThat(e.json().get("request").get("lat").asDouble()).isEqualTo(40.71);
      assertThat(e.data()).doesNotContain(EMAIL, PHONE, FIRST, TYPED_PHONE, "device-liveprobe", "account-liveprobe");
      assertThat(s.comments()).contains("connected");
    }
  }

  @Test
  void filtersAreThoseOfGetRequests() throws Exception {
    try (EventSource pot = EventSource.open(events("service_code=POT"), null);
        EventSource box = EventSource.open(events("bbox=-74.1,40.6,-73.9,40.8"), null);
        EventSource near = EventSource.open(events("lat=40.90&long=-73.50&radius=500"), null);
        EventSource closed = EventSource.open(events("status=closed&service_code=LAMP"), null)) {
      String lampInBox = postLamp("40.70", "-74.00");
      String potFar = post("POT", "Far hole", "40.90", "-73.50");
      update(lampInBox, "closed", "Fixed the lamp");
      assertThat(pot.next(WAIT).json().get("service_request_id").asText()).isEqualTo(potFar);
      List<EventSource.Event> inBox = box.take(2, WAIT);
      assertThat(inBox).extracting(EventSource.Event::type).containsExactly("request.created", "request.updated");
      assertThat(inBox.get(1).json().get("update").get("status").asText()).isEqualTo("closed");
      assertThat(near.next(WAIT).json().get("service_request_id").asText()).isEqualTo(potFar);
      EventSource.Event shut = closed.next(WAIT);
      assertThat(shut.type()).isEqualTo("request.updated");
      assertThat(shut.json().get("service_request_id").asText()).isEqualTo(lampInBox);
      // Nothing else passed any of the filters.
      assertThat(pot.next(Duration.ofMillis(400))).isNull();
      assertThat(box.next(Duration.ofMillis(50))).isNull();
      assertThat(near.next(Duration.ofMillis(50))).isNull();
      assertThat(closed.next(Duration.ofMillis(50))).isNull();
    }
  }

  static String postLamp(String lat, String lon) {
    Answer a = server.http().postForm(API + "/requests.json", form("api_key", TestConfig.KEY, "service_code", "LAMP",
        "attribute[FAULT]", "DARK", "description", "Lamp dark", "lat", lat, "long", lon));
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    return a.json().get(0).get("service_request_id").asText();
  }

  @Test
  void aClientThatReconnectsGetsExactlyWhatItMissed() throws Exception {
    String filter = "service_code=POT";
    String seen;
    try (EventSource s = EventSource.open(events(filter), null)) {
      post("POT", "Before the break", "40.71", "-74.01");
      seen = s.next(WAIT).id();
    }
    // Disconnected: a creation, a note, a request of another service, a hidden one, a merge.
    String a = post("POT", "While away one", "40.72", "-74.02");
    update(a, "in_progress", "Crew on the way");
    postLamp("40.72", "-74.02");
    String b = post("POT", "While away two, rude", "40.73", "-74.03");
    sql("UPDATE service_requests SET hidden_reason = 'rude', hidden_at = ? WHERE id = ?",
        System.currentTimeMillis(), Long.parseLong(b));
    sql("UPDATE service_requests SET duplicate_of = ? WHERE id = ?", Long.parseLong(a), Long.parseLong(b));
    List<String> expected = List.of("request.created", "request.updated", "request.created", "request.hidden",
        "request.merged");
    String before = seen;
    List<String> later = new ArrayList<>();
    for (boolean byHeader : new boolean[] {true, false}) {
      // Both resume from before the break: the second also gets what the first saw live.
      try (EventSource s = byHeader ? EventSource.open(events(filter), before)
          : EventSource.open(events(filter + "&last_event_id=" + before), null)) {
        List<EventSource.Event> missed = s.take(expected.size() + later.size(), WAIT);
        assertThat(missed.subList(0, expected.size())).extracting(EventSource.Event::type)
            .containsExactlyElementsOf(expected);
        assertThat(missed.subList(expected.size(), missed.size()))
            .extracting(e -> e.json().get("service_request_id").asText()).containsExactlyElementsOf(later);
        List<Long> ids = new ArrayList<>();
        for (EventSource.Event e : missed) {
          ids.add(Long.parseLong(e.id()));
        }
        long after = Long.parseLong(before);
        assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id > after);
        assertThat(missed.get(0).json().get("service_request_id").asText()).isEqualTo(a);
        // b is hidden now: its events name it, and say nothing of it.
        assertThat(missed.get(2).json().get("service_request_id").asText()).isEqualTo(b);
        assertThat(missed.get(2).json().has("request")).isFalse();
        assertThat(missed.get(2).data()).doesNotContain("rude");
        assertThat(s.next(Duration.ofMillis(400))).as("no repeat and nothing more").isNull();
        // And the stream goes on live after the catch-up.
        String c = post("POT", "After the return", "40.74", "-74.04");
        EventSource.Event live = s.next(WAIT);
        assertThat(live.type()).isEqualTo("request.created");
        assertThat(live.json().get("service_request_id").asText()).isEqualTo(c);
        later.add(c);
      }
    }
  }

  @Test
  void badFiltersGetTheApiErrorDocumentBeforeTheStream() {
    for (String query : List.of("status=pending", "bbox=1,2,3", "lat=40.7&long=-74", "q=lamp",
        "jurisdiction_id=nowhere.example.org", "start_date=2020-01-01T00:00:00Z")) {
      Answer a = get(API + "/events?" + query, null);
      assertThat(a.status()).as(query).isIn(400, 404);
      assertThat(a.contentType()).as(query).startsWith("text/xml");
      assertThat(a.text()).as(query).contains("<errors>").contains("<description>");
    }
  }

  @Test
  void aMalformedLastEventIdIs400() {
    for (String id : List.of("abc", "-1", "1.5", "99999999999999999999", "999999999")) {
      Answer a = get(API + "/events", id);
      assertThat(a.status()).as(id).isEqualTo(400);
      assertThat(a.text()).as(id).contains("Last-Event-ID");
    }
    Answer q = get(API + "/events?last_event_id=x1", null);
    assertThat(q.status()).isEqualTo(400);
  }
}
