package org.civic311.server.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.civic311.georeport.Datatype;
import org.civic311.georeport.ServiceType;

/** The rules a parsed configuration must follow; each fault is reported with its place. */
final class ConfigurationValidator {
  /** Keys shorter than this are too easy to guess. */
  static final int MIN_KEY_LENGTH = 8;
  /** The most a rate limit may allow; the same bound staff meet on the keys page. */
  static final int MAX_RATE = 1_000_000;

  record Problem(String pointer, String message) {}

  private final List<Problem> problems = new ArrayList<>();

  private ConfigurationValidator() {}

  static List<Problem> validate(Configuration c) {
    ConfigurationValidator v = new ConfigurationValidator();
    v.server(c.server());
    v.traffic(c.traffic());
    if (c.media().maxBytes() < 1024 || c.media().maxBytes() > 1024L * 1024 * 1024) {
      v.fail("/media/max_bytes", "max_bytes must be between 1024 and 1073741824");
    }
    if (c.map().zoom() < 1 || c.map().zoom() > 19) {
      v.fail("/map/zoom", "zoom must be between 1 and 19");
    }
    if (Math.abs(c.map().centerLat()) > 90 || Math.abs(c.map().centerLon()) > 180) {
      v.fail("/map/center_lat", "center_lat lies within -90..90 and center_lon within -180..180");
    }
    if (!c.map().tileUrl().startsWith("https://") && !c.map().tileUrl().startsWith("http://")
        && !c.map().tileUrl().startsWith("/")) {
      v.fail("/map/tile_url", "tile_url must be an http(s) URL template or a path on this server");
    }
    if (c.media().maxFiles() < 1 || c.media().maxFiles() > 50) {
      v.fail("/media/max_files", "max_files must be between 1 and 50");
    }
    v.mail(c.mail());
    v.limits(c.limits());
    v.operations(c.operations());
    v.database(c.database());
    v.between("/live/max_streams", c.live().maxStreams(), 1, 100_000);
    v.jurisdictions(c.jurisdictions());
    return v.problems;
  }

  private void fail(String pointer, String message) {
    problems.add(new Problem(pointer, message));
  }

  private void traffic(TrafficSettings t) {
    between("/traffic/connections_per_address", t.connectionsPerAddress(), 1, 100_000);
    between("/traffic/header_timeout_seconds", t.headerTimeoutSeconds(), 1, 3600);
    between("/traffic/body_timeout_seconds", t.bodyTimeoutSeconds(), 1, 3600);
    between("/traffic/idle_timeout_seconds", t.idleTimeoutSeconds(), 1, 3600);
    between("/traffic/uploads_in_flight", t.uploadsInFlight(), 1, 10_000);
  }

  private void between(String path, int value, int min, int max) {
    if (value < min || value > max) {
      fail(path, path.substring(path.lastIndexOf('/') + 1) + " must be between " + min + " and " + max + ", not " + value);
    }
  }

  private void server(ServerSettings s) {
    if (s.port() < 0 || s.port() > 65535) {
      fail("/server/port", "port " + s.port() + " is not between 0 and 65535");
    }
    if (!s.basePath().startsWith("/") || s.basePath().length() > 1 && s.basePath().endsWith("/")) {
      fail("/server/base_path", "base_path must start with '/' and not end with '/', such as /open311/v2");
    }
    if (s.maxBodyBytes() < 1024) {
      fail("/server/max_body_bytes", "max_body_bytes must be at least 1024");
    }
    if (!s.endpointType().equals("production") && !s.endpointType().equals("test")) {
      fail("/server/endpoint_type", "endpoint_type must be production or test, not '" + s.endpointType() + "'");
    }
    if (s.catalogueRefreshSeconds() < 1 || s.catalogueRefreshSeconds() > 3600) {
      fail("/server/catalogue_refresh_seconds", "catalogue_refresh_seconds must be between 1 and 3600");
    }
    for (int i = 0; i < s.corsOrigins().size(); i++) {
      String o = s.corsOrigins().get(i);
      if (o == null || !o.equals("*") && !o.matches("https?://[A-Za-z0-9.-]+(:\\d+)?")) {
        fail("/server/cors_origins/" + i, "an origin is * or scheme://host[:port], such as https://app.example.org");
      }
    }
    if (s.publicUrl() != null && !s.publicUrl().matches("https?://[^\\s]+")) {
      fail("/server/public_url", "public_url must be an http or https URL");
    }
    if (s.host() != null && !s.host().matches("[A-Za-z0-9.:%\\[\\]-]+")) {
      fail("/server/host", "host must be an address or host name to listen on, such as 0.0.0.0 or 127.0.0.1");
    }
  }

  private void mail(MailSettings m) {
    if (m.from() == null) {
      fail("/mail/from", "from is required with an smtp_host, such as 311@city.example.org");
    } else if (!plausibleSender(m.from())) {
      fail("/mail/from", "from '" + m.from() + "' is not an address such as 311@city.example.org"
          + " or \"City 311 <311@city.example.org>\"");
    }
    if (m.smtpPort() < 1 || m.smtpPort() > 65535) {
      fail("/mail/smtp_port", "smtp_port " + m.smtpPort() + " is not between 1 and 65535");
    }
    if (m.smtpHost() != null && !m.smtpHost().matches("[A-Za-z0-9.:\\[\\]-]+")) {
      fail("/mail/smtp_host", "smtp_host must be a host name or address, such as smtp.example.org");
    }
    if (m.smtpUsername() != null && m.smtpPassword() == null) {
      fail("/mail/smtp_password", "smtp_password is required with smtp_username");
    }
    if (m.pollSeconds() < 1 || m.pollSeconds() > 3600) {
      fail("/mail/poll_seconds", "poll_seconds must be between 1 and 3600");
    }
    if (m.publicUrl() != null && !m.publicUrl().matches("https?://[^\\s]+")) {
      fail("/mail/public_url", "public_url must be an http or https URL");
    }
  }

  private void database(DatabaseSettings d) {
    if (d.replicas().isEmpty()) {
      return;
    }
    if (!d.url().toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
      fail("/database/replicas", "replicas are for PostgreSQL; a SQLite database is one file that this server"
          + " reads itself: remove database.replicas, or use a jdbc:postgresql: URL");
      return;
    }
    between("/database/replica_max_lag_seconds", d.replicaMaxLagSeconds(), 1, 3600);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < d.replicas().size(); i++) {
      ReplicaSettings r = d.replicas().get(i);
      String at = "/database/replicas/" + i;
      if (r == null) {
        fail(at, "a replica needs a url such as jdbc:postgresql://HOST:PORT/DATABASE");
        continue;
      }
      String name = r.nameAt(i);
      if (!name.matches("[A-Za-z0-9_.-]{1,40}")) {
        fail(at + "/name", "a replica's name is 1 to 40 letters, digits, '.', '_' or '-'");
      } else if (!names.add(name)) {
        fail(at + "/name", "another replica is already called '" + name + "'");
      }
      if (r.url() == null || !r.url().toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
        fail(at + "/url", "a replica needs a url such as jdbc:postgresql://HOST:PORT/DATABASE");
      } else if (r.url().equals(d.url())) {
        fail(at + "/url", "is the primary's own url; a replica is a streaming standby of it");
      }
    }
  }

  private void operations(OperationsSettings o) {
    for (int i = 0; i < o.metricsAllow().size(); i++) {
      String block = o.metricsAllow().get(i);
      try {
        AddressBlock.parse(block);
      } catch (IllegalArgumentException e) {
        fail("/operations/metrics_allow/" + i, e.getMessage());
      }
    }
    if (o.metricsToken() != null && o.metricsToken().length() < 16) {
      fail("/operations/metrics_token", "metrics_token must be at least 16 characters");
    }
    between("/operations/writer_stuck_seconds", o.writerStuckSeconds(), 1, 3600);
  }

  private void limits(LimitSettings l) {
    rate("/limits/api_key", l.apiKey());
    rate("/limits/api_address", l.apiAddress());
    rate("/limits/page_address", l.pageAddress());
    rate("/limits/sign_in_address", l.signInAddress());
  }

  private void rate(String at, RateSettings r) {
    if (r.perMinute() < 1 || r.perMinute() > MAX_RATE) {
      fail(at + "/per_minute", "per_minute must be between 1 and " + MAX_RATE);
    }
    if (r.burst() < 1 || r.burst() > MAX_RATE) {
      fail(at + "/burst", "burst must be between 1 and " + MAX_RATE);
    }
  }

  /**
   * {@code local@domain}, {@code Name <local@domain>} or {@code "Name, with commas" <local@domain>};
   * no line breaks, which would forge headers.
   */
  private static boolean plausibleSender(String from) {
    String address = from;
    String name = "";
    if (from.endsWith(">") && from.contains("<")) {
      address = from.substring(from.lastIndexOf('<') + 1, from.length() - 1);
      name = from.substring(0, from.lastIndexOf('<')).trim();
    }
    boolean nameOk = name.matches("[^<>()\\[\\],;:@\"\\\\]*") || name.matches("\"[^\"\\\\]*\"");
    return nameOk && from.chars().noneMatch(Character::isISOControl)
        && address.matches("[^@\\s<>(),;:\"\\[\\]\\\\]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");
  }

  private void jurisdictions(List<JurisdictionSettings> list) {
    if (list.isEmpty()) {
      fail("/jurisdictions", "at least one jurisdiction is needed");
    }
    Set<String> ids = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JurisdictionSettings j = list.get(i);
      String at = "/jurisdictions/" + i;
      if (blank(j.id())) {
        fail(at + "/id", "id is required, such as city.example.org");
      } else if (!j.id().matches("[A-Za-z0-9._~-]+")) {
        fail(at + "/id", "id '" + j.id() + "' may hold only letters, digits and . _ ~ -");
      } else if (!ids.add(j.id().toLowerCase(Locale.ROOT))) {
        // Clients match ids in any case, so two that differ only in case could not be told apart.
        fail(at + "/id", "id '" + j.id() + "' is used by another jurisdiction (ids are compared ignoring case)");
      }
      if (blank(j.name())) {
        fail(at + "/name", "name is required");
      }
      if (blank(j.timeZone())) {
        fail(at + "/time_zone", "time_zone is required, such as America/New_York");
      } else {
        try {
          ZoneId.of(j.timeZone());
        } catch (DateTimeException e) {
          fail(at + "/time_zone", "'" + j.timeZone() + "' is not a time zone, such as America/New_York");
        }
      }
      for (int k = 0; k < j.apiKeys().size(); k++) {
        ApiKeySettings key = j.apiKeys().get(k);
        String kat = at + "/api_keys/" + k;
        if (blank(key.key()) || key.key().length() < MIN_KEY_LENGTH || !key.key().matches("[\\x21-\\x7e]+")) {
          fail(kat + "/key", "key must be at least " + MIN_KEY_LENGTH + " printable characters without spaces");
        } else if (!keys.add(key.key())) {
          fail(kat + "/key", "this key is given twice");
        }
        if (blank(key.label())) {
          fail(kat + "/label", "label is required: say whose key it is");
        }
      }
      services(at, j.services());
      openData(at + "/open_data", j.openData());
      if (j.upstream() != null) {
        upstream(at + "/upstream", j.upstream(), j.services());
      }
      if (j.mirror() != null) {
        mirror(at, j);
      }
    }
  }

  private void mirror(String at, JurisdictionSettings j) {
    MirrorSettings m = j.mirror();
    // The operator wrote the URL, so it is trusted; only other schemes (file:, jar:) are refused.
    if (blank(m.url()) || !m.url().matches("(?i)https?://[^\\s/]+[^\\s]*")) {
      fail(at + "/mirror/url", "url must be the mirrored endpoint's http or https base URL, such as "
          + "https://311.other-city.gov/open311/v2");
    }
    between(at + "/mirror/every_seconds", m.everySeconds(), 1, 86_400);
    between(at + "/mirror/since_days", m.sinceDays(), 1, 3650);
    between(at + "/mirror/timeout_seconds", m.timeoutSeconds(), 1, 600);
    if (!j.services().isEmpty()) {
      fail(at + "/services", "a mirror copies its source's services; leave services out");
    }
    if (j.upstream() != null) {
      fail(at + "/upstream", "a mirror forwards its new requests to its source; leave upstream out");
    }
  }

  private void upstream(String at, UpstreamSettings u, List<ServiceSettings> services) {
    // The operator wrote the URL, so it is trusted; only other schemes (file:, jar:) are refused.
    if (blank(u.url()) || !u.url().matches("(?i)https?://[^\\s/]+[^\\s]*")) {
      fail(at + "/url", "url must be the upstream's http or https base URL, such as "
          + "https://council.example.gov/open311/v2");
    }
    if (u.timeoutSeconds() < 1 || u.timeoutSeconds() > 600) {
      fail(at + "/timeout_seconds", "timeout_seconds must be between 1 and 600");
    }
    if (u.firstRetrySeconds() < 1 || u.firstRetrySeconds() > 3600) {
      fail(at + "/first_retry_seconds", "first_retry_seconds must be between 1 and 3600");
    }
    if (u.pullSeconds() < 1 || u.pullSeconds() > 86_400) {
      fail(at + "/pull_seconds", "pull_seconds must be between 1 and 86400");
    }
    java.util.Map<String, ServiceSettings> ours = new java.util.HashMap<>();
    for (ServiceSettings s : services) {
      ours.put(s.code(), s);
    }
    if (u.services() != null) {
      for (int i = 0; i < u.services().size(); i++) {
        if (!ours.containsKey(u.services().get(i))) {
          fail(at + "/services/" + i, "service '" + u.services().get(i) + "' is not in this jurisdiction's services");
        }
      }
    }
    for (java.util.Map.Entry<String, String> e : u.serviceCodes().entrySet()) {
      if (!ours.containsKey(e.getKey())) {
        fail(at + "/service_codes/" + e.getKey(), "service '" + e.getKey() + "' is not in this jurisdiction's services");
      } else if (blank(e.getValue())) {
        fail(at + "/service_codes/" + e.getKey(), "the upstream's service code is required");
      }
    }
    for (java.util.Map.Entry<String, java.util.Map<String, String>> e : u.attributes().entrySet()) {
      ServiceSettings s = ours.get(e.getKey());
      if (s == null) {
        fail(at + "/attributes/" + e.getKey(), "service '" + e.getKey() + "' is not in this jurisdiction's services");
        continue;
      }
      for (String code : e.getValue().keySet()) {
        if (s.attributes().stream().noneMatch(a -> a.code().equals(code))) {
          fail(at + "/attributes/" + e.getKey() + "/" + code,
              "service '" + e.getKey() + "' has no attribute '" + code + "'");
        }
      }
    }
  }

  private void openData(String at, OpenDataSettings o) {
    if (o.licence() != null && !o.licence().matches("https?://[^\\s]+")) {
      fail(at + "/licence", "licence must be the licence's http or https URL");
    }
    if (o.licence() != null && blank(o.licenceName())) {
      fail(at + "/licence_name", "licence_name is required with licence, such as CC-BY-4.0");
    }
    if (o.licence() == null && o.licenceName() != null) {
      fail(at + "/licence", "licence (its URL) is required with licence_name");
    }
    if (o.contactEmail() != null && !o.contactEmail().matches("[^@\\s]+@[^@\\s]+")) {
      fail(at + "/contact_email", "contact_email must be an email address, such as opendata@example.org");
    }
    if (o.publisher() != null && blank(o.publisher())) {
      fail(at + "/publisher", "publisher may not be blank; leave it out to name the jurisdiction");
    }
  }

  private void services(String at, List<ServiceSettings> services) {
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < services.size(); i++) {
      ServiceSettings s = services.get(i);
      String sat = at + "/services/" + i;
      if (blank(s.code())) {
        fail(sat + "/code", "code is required");
      } else if (s.code().contains("/") || s.code().chars().anyMatch(Character::isISOControl)) {
        fail(sat + "/code", "code '" + s.code() + "' must not contain '/' or control characters");
      } else if (!codes.add(s.code())) {
        fail(sat + "/code", "code '" + s.code() + "' is used by another service of this jurisdiction");
      }
      languages(sat + "/translations", s.translations().keySet());
      for (int k = 0; k < s.attributes().size(); k++) {
        AttributeSettings a = s.attributes().get(k);
        String aat = sat + "/attributes/" + k + "/translations";
        languages(aat, a.translations().keySet());
        Set<String> keys = new HashSet<>();
        a.values().forEach(v -> keys.add(v.key()));
        a.translations().forEach((language, t) -> t.values().keySet().stream().filter(key -> !keys.contains(key))
            .forEach(key -> fail(aat + "/" + language + "/values",
                "translates value '" + key + "', which is not a value of this attribute")));
      }
      if (blank(s.name())) {
        fail(sat + "/name", "name is required");
      }
      try {
        ServiceType.ofWireName(s.type());
      } catch (IllegalArgumentException e) {
        fail(sat + "/type", "type must be realtime, batch or blackbox, not '" + s.type() + "'");
      }
      if (s.slaDays() != null && (s.slaDays() < 1 || s.slaDays() > 1000)) {
        fail(sat + "/sla_days", "sla_days must be a whole number of days from 1 to 1000, not " + s.slaDays());
      }
      attributes(sat, s.attributes());
    }
  }

  private void attributes(String at, List<AttributeSettings> attributes) {
    Set<String> codes = new HashSet<>();
    Set<Integer> orders = new HashSet<>();
    for (int i = 0; i < attributes.size(); i++) {
      AttributeSettings a = attributes.get(i);
      String aat = at + "/attributes/" + i;
      if (blank(a.code())) {
        fail(aat + "/code", "code is required");
      } else if (!a.code().matches("[A-Za-z0-9_.-]+")) {
        fail(aat + "/code", "code '" + a.code() + "' may hold only letters, digits and _ . -");
      } else if (!codes.add(a.code())) {
        fail(aat + "/code", "code '" + a.code() + "' is used by another attribute of this service");
      }
      if (a.order() == null || a.order() < 1) {
        fail(aat + "/order", "order must be a positive whole number");
      } else if (!orders.add(a.order())) {
        fail(aat + "/order", "order " + a.order() + " is used by another attribute of this service");
      }
      if (blank(a.description())) {
        fail(aat + "/description", "description is required: it is the question shown to people");
      }
      if (!a.variable() && a.required()) {
        fail(aat + "/required", "an attribute with variable: false takes no input, so it cannot be required");
      }
      Datatype type = null;
      try {
        type = Datatype.ofWireName(a.datatype() == null ? "" : a.datatype());
      } catch (IllegalArgumentException e) {
        fail(aat + "/datatype", "datatype must be one of string, number, datetime, text, singlevaluelist,"
            + " multivaluelist, not '" + a.datatype() + "'");
      }
      if (type != null) {
        values(aat, type, a.values());
      }
    }
  }

  private void values(String at, Datatype type, List<AttributeSettings.ValueSettings> values) {
    if (type.isList() && values.isEmpty()) {
      fail(at + "/values", "a " + type.wireName() + " needs values to choose from");
    }
    if (!type.isList() && !values.isEmpty()) {
      fail(at + "/values", "only singlevaluelist and multivaluelist take values");
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      AttributeSettings.ValueSettings v = values.get(i);
      if (blank(v.key())) {
        fail(at + "/values/" + i + "/key", "key is required");
      } else if (!keys.add(v.key())) {
        fail(at + "/values/" + i + "/key", "key '" + v.key() + "' is given twice");
      }
      if (blank(v.name())) {
        fail(at + "/values/" + i + "/name", "name is required");
      }
    }
  }

  /** Translations are keyed by a language code such as es or pt-BR. */
  private void languages(String at, Set<String> languages) {
    for (String l : languages) {
      if (!l.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
        fail(at + "/" + l, "'" + l + "' is not a language code such as es or pt-BR");
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
