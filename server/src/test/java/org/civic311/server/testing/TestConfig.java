package org.civic311.server.testing;

import java.util.ArrayList;
import java.util.List;
import org.civic311.server.config.ApiKeySettings;
import org.civic311.server.config.AttributeSettings;
import org.civic311.server.config.AttributeSettings.ValueSettings;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.DatabaseSettings;
import org.civic311.server.config.JurisdictionSettings;
import org.civic311.server.config.LimitSettings;
import org.civic311.server.config.MailSettings;
import org.civic311.server.config.MediaSettings;
import org.civic311.server.config.RateSettings;
import org.civic311.server.config.ServerSettings;
import org.civic311.server.config.ServiceSettings;

/**
 * Builds test configurations in code. {@link #city} gives a jurisdiction with one service of each
 * type and an attribute of every datatype:
 * <ul>
 *   <li>{@code LAMP} realtime: FAULT (required multivaluelist DARK/DAY/FLICKER), SIDE
 *       (singlevaluelist N/S), POLE (string), HEIGHT (number), SEEN (datetime), NOTE (text),
 *       INFO (display text, variable false);</li>
 *   <li>{@code POT} realtime with no attributes; {@code BULK} batch; {@code TIP} blackbox;</li>
 *   <li>{@link #ODD_CODE}, realtime, whose code holds a colon, a space and a dot.</li>
 * </ul>
 */
public final class TestConfig {
  public static final String KEY = "test-key-0001";
  public static final String CITY = "city.example.org";
  /** A real-world style code that breaks naive path parsing. */
  public static final String ODD_CODE = "input:Street cleaning.v2";

  private org.civic311.server.config.TrafficSettings traffic;
  private org.civic311.server.config.OperationsSettings operations;
  private final List<JurisdictionSettings> jurisdictions = new ArrayList<>();
  private int maxBodyBytes = 64 * 1024;
  /** Tests name their client's address in X-Forwarded-For, so by default the server trusts it. */
  private boolean trustForwardedHeaders = true;
  private java.nio.file.Path outbox;
  private org.civic311.server.config.LiveSettings live;
  /**
   * Tests post many times from one address (127.0.0.1) and one key, so every limit is set so
   * high that only a test about limits meets one, and sets the one it is about.
   */
  private RateSettings apiKeyLimit = UNLIMITED;
  private RateSettings apiAddressLimit = UNLIMITED;
  private RateSettings pageAddressLimit = UNLIMITED;
  private RateSettings signInAddressLimit = UNLIMITED;
  private static final RateSettings UNLIMITED = new RateSettings(1_000_000, 1_000_000);

  public static TestConfig city() {
    return new TestConfig().jurisdiction(CITY, "America/New_York", KEY);
  }

  /**
   * The city with a catalogue partly in Spanish: the pothole's name, description, group and notice,
   * and the street light's side question with one of its two values (the other falls back).
   */
  public static TestConfig translatedCity() {
    List<ServiceSettings> services = new ArrayList<>();
    for (ServiceSettings s : services()) {
      if (s.code().equals("POT")) {
        s = new ServiceSettings(s.code(), s.name(), s.description(), s.type(), s.keywords(), s.group(),
            "Filled within a week", s.agencyResponsible(), s.attributes(), java.util.Map.of("es",
                new ServiceSettings.Translation("Bache", "Un agujero en la calzada", "Calles",
                    "Se rellena en una semana")));
      } else if (s.code().equals("LAMP")) {
        List<AttributeSettings> attributes = new ArrayList<>();
        for (AttributeSettings a : s.attributes()) {
          attributes.add(!a.code().equals("SIDE") ? a : new AttributeSettings(a.code(), a.order(), a.datatype(),
              a.description(), a.required(), a.variable(), a.datatypeDescription(), a.values(), java.util.Map.of("es",
                  new AttributeSettings.Translation("¿En qué lado?", java.util.Map.of("N", "Norte")))));
        }
        s = new ServiceSettings(s.code(), s.name(), s.description(), s.type(), s.keywords(), s.group(),
            s.serviceNotice(), s.agencyResponsible(), attributes);
      }
      services.add(s);
    }
    TestConfig c = new TestConfig();
    c.jurisdictions.add(new JurisdictionSettings(CITY, "City of " + CITY, "America/New_York",
        List.of(new ApiKeySettings(KEY, "tests")), services));
    return c;
  }

  public TestConfig jurisdiction(String id, String zone, String key) {
    jurisdictions.add(new JurisdictionSettings(id, "City of " + id, zone,
        List.of(new ApiKeySettings(key, "tests")), services()));
    return this;
  }

  /** The open-data terms of the jurisdiction added last. */
  public TestConfig openData(String licence, String licenceName, String publisher, String contactEmail) {
    JurisdictionSettings j = jurisdictions.remove(jurisdictions.size() - 1);
    jurisdictions.add(new JurisdictionSettings(j.id(), j.name(), j.timeZone(), j.apiKeys(), j.services(),
        new org.civic311.server.config.OpenDataSettings(licence, licenceName, publisher, contactEmail)));
    return this;
  }

  /** A jurisdiction without services of its own, mirroring {@code mirror}'s source. */
  public TestConfig mirror(String id, String key, org.civic311.server.config.MirrorSettings mirror) {
    jurisdictions.add(new JurisdictionSettings(id, "Mirror of " + mirror.url(), "America/New_York",
        List.of(new ApiKeySettings(key, "tests")), List.of(), null, null, mirror));
    return this;
  }

  /** Only the jurisdictions added after this call (none of the city's). */
  public static TestConfig empty() {
    return new TestConfig();
  }

  /** The jurisdiction added last forwards its new requests to {@code upstream}. */
  public TestConfig upstream(org.civic311.server.config.UpstreamSettings upstream) {
    JurisdictionSettings j = jurisdictions.remove(jurisdictions.size() - 1);
    jurisdictions.add(j.withUpstream(upstream));
    return this;
  }

  private static String mediaDirectory() {
    try {
      return java.nio.file.Files.createTempDirectory("civic311-media").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A server that takes the client's address from the connection, as one without a proxy should. */
  public TestConfig distrustForwardedHeaders() {
    this.trustForwardedHeaders = false;
    return this;
  }

  /** Traffic limits other than the defaults (connections per address, timeouts, uploads in flight). */
  public TestConfig traffic(org.civic311.server.config.TrafficSettings traffic) {
    this.traffic = traffic;
    return this;
  }

  /** Metrics and readiness settings other than the defaults. */
  public TestConfig operations(org.civic311.server.config.OperationsSettings operations) {
    this.operations = operations;
    return this;
  }

  /** API writes per key (the default of keys without their own limit) and per client address. */
  public TestConfig apiLimits(int keyPerMinute, int keyBurst, int addressPerMinute, int addressBurst) {
    this.apiKeyLimit = new RateSettings(keyPerMinute, keyBurst);
    this.apiAddressLimit = new RateSettings(addressPerMinute, addressBurst);
    return this;
  }

  /** Posts on the residents' pages per client address. */
  public TestConfig pageLimit(int perMinute, int burst) {
    this.pageAddressLimit = new RateSettings(perMinute, burst);
    return this;
  }

  /** Staff sign-in attempts per client address. */
  public TestConfig signInLimit(int perMinute, int burst) {
    this.signInAddressLimit = new RateSettings(perMinute, burst);
    return this;
  }

  public TestConfig maxBodyBytes(int bytes) {
    this.maxBodyBytes = bytes;
    return this;
  }

  /**
   * Status mails go to this folder as {@code .eml} files, looked for every second. Without it they
   * go to a fresh temporary folder.
   */
  public TestConfig outbox(java.nio.file.Path folder) {
    this.outbox = folder;
    return this;
  }

  /** The folder is made only when a mail is written, so servers that send none leave nothing. */
  private java.nio.file.Path outbox() {
    return outbox != null ? outbox : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
        "civic311-outbox-" + java.util.UUID.randomUUID());
  }

  /** Live-event settings, such as webhooks allowed to reach receivers on this machine. */
  public TestConfig live(org.civic311.server.config.LiveSettings live) {
    this.live = live;
    return this;
  }

  public Configuration build(DatabaseSettings database) {
    return new Configuration(
        new ServerSettings(0, "/open311/v2", null, maxBodyBytes, "tests@example.org", "ask tests@example.org",
            "test", null, 1, trustForwardedHeaders, null),
        database,
        new MediaSettings(mediaDirectory(), 2L * 1024 * 1024, 3),
        jurisdictions, null,
        new MailSettings("City 311 <311@city.example.org>", outbox().toString(), null, null, null, null, null, 1,
            null), traffic,
        new LimitSettings(apiKeyLimit, apiAddressLimit, pageAddressLimit, signInAddressLimit), operations, live);
  }

  private static List<ServiceSettings> services() {
    List<AttributeSettings> lamp = List.of(
        new AttributeSettings("FAULT", 1, "multivaluelist", "What is wrong?", true, true, null,
            List.of(new ValueSettings("DARK", "Not lit"), new ValueSettings("DAY", "Lit by day"),
                new ValueSettings("FLICKER", "Flickers"))),
        new AttributeSettings("SIDE", 2, "singlevaluelist", "Which side?", false, true, "Choose one",
            List.of(new ValueSettings("N", "North"), new ValueSettings("S", "South"))),
        new AttributeSettings("POLE", 3, "string", "Pole number", false, true, null, null),
        new AttributeSettings("HEIGHT", 4, "number", "Height in metres", false, true, null, null),
        new AttributeSettings("SEEN", 5, "datetime", "When did you see it?", false, true, null, null),
        new AttributeSettings("NOTE", 6, "text", "Anything else?", false, true, null, null),
        new AttributeSettings("INFO", 7, "text", "Lamps are fixed within 5 days.", false, false, null, null));
    return List.of(
        new ServiceSettings("LAMP", "Street light out", "Lamp dark or flickering", "realtime", "lamp,light",
            "Lighting", "Inspected within 5 days", "Highways", lamp),
        new ServiceSettings("POT", "Pothole", "A hole in the road", "realtime", "road", "Streets", null, "Highways",
            null),
        new ServiceSettings("BULK", "Bulk pickup", "Large items", "batch", null, "Waste", "Scheduled within a week",
            "Waste", null),
        new ServiceSettings("TIP", "Tip line", "Tell us anything", "blackbox", null, "Other", "Thank you",
            null, null),
        new ServiceSettings(ODD_CODE, "Street cleaning", "A code with a colon, a space and a dot", "realtime",
            null, "Streets", null, null, null));
  }
}
