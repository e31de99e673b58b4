package org.civic311.server.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.civic311.georeport.Parameters;
import org.civic311.georeport.RequestReceipt;
import org.civic311.server.storage.ApiKeyRecord;
import org.civic311.server.storage.MediaRecord;
import org.civic311.server.storage.NewRequest;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.RequestStore;
import org.civic311.server.storage.ServiceRecord;

/**
 * Takes in new service requests ({@code POST requests}): checks the key, the service, the
 * location rule, every field and the attribute answers against the definition, stores the
 * request durably, and answers as the service's type says (id, token, or notice only).
 */
public final class Intake {
  /** The standard's limit for {@code description}. */
  public static final int MAX_DESCRIPTION = 4000;
  private static final int MAX_ADDRESS = 1000;
  private static final int MAX_SHORT = 200;
  private static final int MAX_URL = 2000;
  private static final Pattern URL = Pattern.compile("https?://[^\\s]+", Pattern.CASE_INSENSITIVE);

  private final Jurisdictions jurisdictions;
  private final ApiKeys apiKeys;
  private final RequestStore requests;
  private final Clock clock;
  private final Forwarding forwarding;
  private final org.civic311.server.domain.stats.ExpectedDates expected;

  /** Which upstream, if any, a new request of a service is forwarded to (see {@code domain.interop}). */
  @FunctionalInterface
  public interface Forwarding {
    Forwarding NONE = (jurisdictionId, serviceCode) -> null;

    /** The upstream's name, or null when requests of this service stay here. */
    String upstreamOf(String jurisdictionId, String serviceCode);
  }

  public Intake(Jurisdictions jurisdictions, ApiKeys apiKeys, RequestStore requests, Clock clock) {
    this(jurisdictions, apiKeys, requests, clock, Forwarding.NONE);
  }

  public Intake(Jurisdictions jurisdictions, ApiKeys apiKeys, RequestStore requests, Clock clock,
      Forwarding forwarding) {
    this(jurisdictions, apiKeys, requests, clock, forwarding, null);
  }

  /** With {@code expected}, a new request's expected date is the learned estimate for its service. */
  public Intake(Jurisdictions jurisdictions, ApiKeys apiKeys, RequestStore requests, Clock clock,
      Forwarding forwarding, org.civic311.server.domain.stats.ExpectedDates expected) {
    this.expected = expected;
    this.jurisdictions = jurisdictions;
    this.apiKeys = apiKeys;
    this.requests = requests;
    this.clock = clock;
    this.forwarding = forwarding;
  }

  /**
   * Accepts a request or refuses it with every fault named.
   *
   * @throws Refusal FORBIDDEN for a bad key, NOT_FOUND for an unknown jurisdiction or service,
   *     INVALID for anything else wrong
   */
  public RequestReceipt submit(Parameters p) {
    return submit(p, List::of, "api");
  }

  /** True for an absolute http or https URL without spaces. */
  static boolean isWebUrl(String url) {
    return url.length() <= MAX_URL && URL.matcher(url).matches();
  }

  /**
   * Accepts a request with photos (first in {@code media_url}, all in the extensions), from a
   * {@code channel} such as {@code api} or {@code web}. {@code uploads} stores the photos; it is
   * called only once everything else is known to be acceptable, and may throw to refuse them.
   */
  public RequestReceipt submit(Parameters p, Supplier<List<MediaRecord>> uploads, String channel) {
    return accept(p, uploads, channel, true);
  }

  /**
   * Accepts a request made on the city's own report page ({@code channel} {@code web}), which
   * needs no API key: the page is the city's, and it limits abuse itself.
   */
  public RequestReceipt submitFromPage(Parameters p, Supplier<List<MediaRecord>> uploads) {
    return accept(p, uploads, "web", false);
  }

  private RequestReceipt accept(Parameters p, Supplier<List<MediaRecord>> uploads, String channel,
      boolean needsKey) {
    Violations v = new Violations();
    Catalogue catalogue = jurisdictions.resolve(v.single(p, "jurisdiction_id"));
    v.throwIfAny();
    Jurisdiction j = catalogue.jurisdiction();
    ApiKeyRecord key = needsKey ? apiKeys.authenticate(v.single(p, "api_key"), j) : null;
    v.throwIfAny();
    String code = v.single(p, "service_code").orElse(null);
    v.throwIfAny();
    if (code == null) {
      throw Refusal.invalid("service_code is required");
    }
    ServiceRecord service = catalogue.find(code).orElseThrow(() -> catalogue.unknownService(code));

    Double lat = v.number(p, "lat", -90, 90);
    Double lon = v.number(p, "long", -180, 180);
    boolean latSent = !p.all("lat").isEmpty();
    boolean lonSent = !p.all("long").isEmpty();
    if (latSent != lonSent) {
      v.add("lat and long must be sent together");
    }
    String address = v.freeText(p, "address_string", MAX_ADDRESS);
    String addressId = v.text(p, "address_id", MAX_SHORT);
    if (!latSent && !lonSent && address == null && addressId == null && p.all("address_string").isEmpty()
        && p.all("address_id").isEmpty()) {
      v.add("a location is required: lat and long, address_string or address_id");
    }
    String description = v.freeText(p, "description", MAX_DESCRIPTION);
    List<String> links = links(v, p);
    NewRequest.Reporter reporter = new NewRequest.Reporter(
        email(v, p),
        v.text(p, "phone", MAX_SHORT),
        v.freeText(p, "first_name", MAX_SHORT),
        v.freeText(p, "last_name", MAX_SHORT),
        v.text(p, "device_id", MAX_SHORT),
        v.text(p, "account_id", MAX_SHORT));
    Map<String, List<String>> answers = Answers.check(service.attributes(), p.attributes(), j.zone(), v);
    v.throwIfAny();
    List<MediaRecord> media = withLinks(uploads.get(), links);
    String mediaUrl = media.isEmpty() ? null : media.get(0).url();

    String token = switch (service.type()) {
      case BATCH -> UUID.randomUUID().toString();
      default -> null;
    };
    long now = clock.millis();
    Long expectedAt = estimate(j.id(), service).map(e -> now + e.millis()).orElse(null);
    RequestRecord stored = requests.insert(new NewRequest(
        j.id(), service.code(), service.name(), description, service.agencyResponsible(),
        service.serviceNotice(), now, expectedAt, address, addressId, null, lat, lon, mediaUrl, token,
        answers, key == null ? null : key.id(), reporter, channel, media),
        forwarding.upstreamOf(j.id(), service.code()));
    RequestReceipt receipt = switch (service.type()) {
      case REALTIME -> RequestReceipt.ofId(Long.toString(stored.id()), service.serviceNotice());
      case BATCH -> RequestReceipt.ofToken(token, service.serviceNotice());
      case BLACKBOX -> RequestReceipt.ofNotice(service.serviceNotice());
    };
    return new RequestReceipt(receipt.serviceRequestId(), receipt.token(), receipt.serviceNotice(),
        reporter.accountId());
  }

  /** How long requests of a service usually take to close, when that is known. */
  public java.util.Optional<org.civic311.server.domain.stats.ExpectedDates.Estimate> estimate(String jurisdictionId,
      ServiceRecord service) {
    return expected == null ? java.util.Optional.empty() : expected.of(jurisdictionId, service);
  }

  /** Every {@code media_url} sent, checked. */
  static List<String> links(Violations v, Parameters p) {
    List<String> links = new ArrayList<>();
    for (String url : p.all("media_url")) {
      if (!isWebUrl(url)) {
        v.add("media_url must be an http or https URL of at most " + MAX_URL + " characters");
      } else {
        links.add(url);
      }
    }
    return links;
  }

  /** Uploaded photos first (they take precedence over links, as the v2.1 draft says), then links. */
  static List<MediaRecord> withLinks(List<MediaRecord> uploads, List<String> links) {
    List<MediaRecord> media = new ArrayList<>(uploads);
    for (String url : links) {
      media.add(new MediaRecord(media.size(), null, null, url, null));
    }
    return media;
  }

  private static String email(Violations v, Parameters p) {
    String email = v.text(p, "email", 254);
    if (email != null && (!email.contains("@") || email.chars().anyMatch(Character::isWhitespace))) {
      v.add("email is not an email address");
      return null;
    }
    return email;
  }
}
