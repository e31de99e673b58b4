package org.civic311.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.civic311.georeport.Discovery;
import org.civic311.georeport.DocumentException;
import org.civic311.georeport.DocumentReader;
import org.civic311.georeport.Endpoint;
import org.civic311.georeport.Format;
import org.civic311.georeport.GeoDateTime;
import org.civic311.georeport.GeoReportError;
import org.civic311.georeport.RequestExtensions;
import org.civic311.georeport.RequestReceipt;
import org.civic311.georeport.RequestUpdate;
import org.civic311.georeport.Service;
import org.civic311.georeport.ServiceDefinition;
import org.civic311.georeport.ServiceRequest;

/**
 * A client for one GeoReport v2 endpoint, any server's: every call of the standard (discovery,
 * services, a service definition, POST a request, token lookup, GET requests with their
 * filters, one request) and of the common extensions (paging, {@code updated_after/before},
 * {@code bbox}, {@code radius}, {@code extensions=true}, the update history GET and POST), and
 * {@link #harvest} to walk a whole result.
 *
 * <pre>{@code
 * GeoReportClient city = GeoReportClient.create(ClientConfig.builder()
 *     .baseUrl("https://city.example/open311/v2").apiKey(key).build());
 * for (Service s : city.services()) { ... }
 * RequestReceipt r = city.post(NewRequest.builder("POTHOLE").location(51.5, -0.12).build());
 * }</pre>
 *
 * <p>Answers are read by georeport's lenient {@link DocumentReader}, so the odd shapes real
 * servers send (lists of one collapsed, ids as numbers, empty elements, datetimes without zones)
 * read as the standard's. Failures are {@link ClientException}s: a {@link GeoReportException}
 * for an error document, an {@link UnexpectedAnswerException} for anything else that is not the
 * document asked for, a {@link CallTimeoutException} or {@link ConnectionException}. 429 and 503
 * answers are retried as {@link Transport} describes.
 *
 * <p>Immutable and thread-safe; share one per endpoint.
 */
public final class GeoReportClient {
  /** The specification token of GeoReport v2 endpoints in discovery. */
  public static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
  private static final DocumentReader READER = new DocumentReader();

  private final ClientConfig config;
  private final Transport transport;
  private final URI baseUrl;

  private GeoReportClient(ClientConfig config, Transport transport, URI baseUrl) {
    this.config = config;
    this.transport = transport;
    this.baseUrl = baseUrl;
  }

  /**
   * A client for the configured endpoint. With a discovery URL, the discovery document is read
   * now and the base URL taken from it: the first GeoReport v2 production endpoint, else the
   * first v2 endpoint, else the first endpoint.
   *
   * @throws ClientException when a discovery URL is given and cannot be read or lists no endpoint
   */
  public static GeoReportClient create(ClientConfig config) {
    Transport transport = new Transport(config);
    if (config.baseUrl() != null) {
      return new GeoReportClient(config, transport, config.baseUrl());
    }
    URI url = config.discoveryUrl();
    HttpAnswer answer = transport.get("GET discovery", url);
    Format format = url.getPath().toLowerCase(Locale.ROOT).endsWith(".json") ? Format.JSON : Format.XML;
    Discovery d = read(answer, format, READER::discovery, "a discovery document");
    Endpoint chosen = choose(d.endpoints());
    if (chosen == null || chosen.url() == null) {
      throw new UnexpectedAnswerException(answer.call(), url, answer.status(), answer.contentType(),
          answer.excerpt(120), "the discovery document lists no endpoint with a URL", null);
    }
    String base = chosen.url().replaceAll("/+$", "");
    return new GeoReportClient(config, transport, url.resolve(URI.create(base)));
  }

  private static Endpoint choose(List<Endpoint> endpoints) {
    Endpoint v2 = null;
    for (Endpoint e : endpoints) {
      boolean isV2 = SPECIFICATION.equalsIgnoreCase(String.valueOf(e.specification()));
      if (isV2 && "production".equalsIgnoreCase(String.valueOf(e.type()))) {
        return e;
      }
      if (isV2 && v2 == null) {
        v2 = e;
      }
    }
    return v2 != null ? v2 : endpoints.isEmpty() ? null : endpoints.get(0);
  }

  /** The configuration this client was made with. */
  public ClientConfig config() {
    return config;
  }

  /** The endpoint's base URL, given or discovered. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The transport, for raw calls whose answers the caller judges itself. */
  public Transport transport() {
    return transport;
  }

  /** The URL of {@code path} (such as {@code services}) under the base, in the configured format, with {@code query}. */
  public URI url(String path, Map<String, String> query) {
    return url(path, config.format(), query);
  }

  /** The URL of {@code path} under the base in {@code format}; adds {@code jurisdiction_id} when configured. */
  public URI url(String path, Format format, Map<String, String> query) {
    StringBuilder s = new StringBuilder(baseUrl.toString()).append('/').append(path).append('.')
        .append(format.extension());
    char sep = '?';
    if (config.jurisdiction() != null && !query.containsKey("jurisdiction_id")) {
      s.append(sep).append("jurisdiction_id=").append(encode(config.jurisdiction()));
      sep = '&';
    }
    for (Map.Entry<String, String> e : query.entrySet()) {
      s.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
      sep = '&';
    }
    return URI.create(s.toString());
  }

  /** A path segment such as a service code, percent-encoded (a space as {@code %20}). */
  public static String segment(String value) {
    return encode(value).replace("+", "%20");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** {@code GET discovery}: the discovery document (at the configured discovery URL, if any). */
  public Discovery discovery() {
    return read(discoveryAnswer(), discoveryFormat(), READER::discovery, "a discovery document");
  }

  /**
   * What discovery says about paging; {@link Paging#NONE} when the server has no discovery
   * document or advertises nothing.
   */
  public Paging paging() {
    HttpAnswer answer = discoveryAnswer();
    if (!answer.ok() || !answer.complete()) {
      return Paging.NONE;
    }
    try {
      JsonNode d = READER.tree(answer.body(), discoveryFormat());
      Integer max = whole(d.get("page_size_max"));
      if (max == null) {
        max = whole(d.get("max_requests"));
      }
      return new Paging(whole(d.get("page_size_default")), max);
    } catch (DocumentException e) {
      return Paging.NONE;
    }
  }

  private HttpAnswer discoveryAnswer() {
    URI url = config.discoveryUrl() != null ? config.discoveryUrl() : url("discovery", Map.of());
    return transport.get("GET discovery", url);
  }

  private Format discoveryFormat() {
    URI d = config.discoveryUrl();
    if (d == null) {
      return config.format();
    }
    return d.getPath().toLowerCase(Locale.ROOT).endsWith(".json") ? Format.JSON : Format.XML;
  }

  private static Integer whole(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    String s = n.asText().trim();
    return s.matches("\\d{1,9}") && Integer.parseInt(s) > 0 ? Integer.valueOf(s) : null;
  }

  /** {@code GET services}: the service list. */
  public List<Service> services() {
    return get("GET services", url("services", Map.of()), READER::services, "a service list");
  }

  /** {@code GET services/{code}}: the attributes of a service whose {@code metadata} is true. */
  public ServiceDefinition definition(String serviceCode) {
    return get("GET services/" + serviceCode, url("services/" + segment(serviceCode), Map.of()),
        READER::serviceDefinition, "a service definition");
  }

  /**
   * {@code POST requests}: files a request with the configured API key and jurisdiction. The
   * receipt carries the new id (realtime services), a token (batch; see {@link #token}) or only
   * a notice (blackbox).
   */
  public RequestReceipt post(NewRequest request) {
    return post(request, null);
  }

  /**
   * {@code POST requests} with an {@code Idempotency-Key} header (when {@code idempotencyKey} is
   * not null): a server that honours it (Civic311 does) answers a repeat with the first receipt
   * and files nothing new, which makes this POST safe to retry. With a key, the transport also
   * retries a bare 503, as it does for other calls that are safe to repeat.
   */
  public RequestReceipt post(NewRequest request, String idempotencyKey) {
    List<Map.Entry<String, String>> fields = withKeyAndJurisdiction(request.formFields());
    HttpRequest.Builder builder = HttpRequest.newBuilder(url("requests", Map.of()));
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    HttpAnswer answer = transport.send("POST requests",
        FormBody.into(builder, fields, request.photos()), idempotencyKey != null);
    List<RequestReceipt> receipts = read(answer, config.format(), READER::receipts, "a POST reply");
    return one(receipts, answer, "a POST reply");
  }

  /** {@code GET tokens/{token}}: the request a batch POST became, once the server knows it. */
  public RequestReceipt token(String token) {
    HttpAnswer answer = transport.get("GET tokens/" + token, url("tokens/" + segment(token), Map.of()));
    return one(read(answer, config.format(), READER::receipts, "a token reply"), answer, "a token reply");
  }

  /** {@code GET requests} with these filters: one answer, as the server limits it. */
  public List<ServiceRequest> requests(Search search) {
    return get("GET requests", url("requests", search.parameters()), READER::requests, "a request list");
  }

  /** {@code GET requests} with {@code extensions=true}: each request with what the server adds. */
  public List<ExtendedRequest> extendedRequests(Search search) {
    Search s = search.extensions() ? search : search.newBuilder().extensions(true).build();
    HttpAnswer answer = transport.get("GET requests", url("requests", s.parameters()));
    return read(answer, config.format(), (body, format) -> {
      List<ServiceRequest> requests = READER.requests(body, format);
      List<RequestExtensions> extensions = READER.requestExtensions(body, format);
      List<ExtendedRequest> out = new ArrayList<>(requests.size());
      for (int i = 0; i < requests.size(); i++) {
        out.add(new ExtendedRequest(requests.get(i), extensions.get(i)));
      }
      return out;
    }, "a request list");
  }

  /**
   * {@code GET requests/{id}}: one request; empty when the server answers an empty list.
   *
   * @throws GeoReportException with status 404 when the server does not know the id
   */
  public Optional<ServiceRequest> request(String id) {
    List<ServiceRequest> list = get("GET requests/" + id, url("requests/" + segment(id), Map.of()),
        READER::requests, "a request list");
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /**
   * {@code GET servicerequestupdates} (mySociety): the public history between two times, both
   * optional; the API key is sent when configured, as FixMyStreet does.
   */
  public List<RequestUpdate> updates(OffsetDateTime start, OffsetDateTime end) {
    Map<String, String> q = new java.util.LinkedHashMap<>();
    if (start != null) {
      q.put("start_date", GeoDateTime.format(start));
    }
    if (end != null) {
      q.put("end_date", GeoDateTime.format(end));
    }
    if (config.apiKey() != null) {
      q.put("api_key", config.apiKey());
    }
    return get("GET servicerequestupdates", url("servicerequestupdates", q), READER::updates, "an update list");
  }

  /** {@code POST servicerequestupdates} (mySociety): adds an update; returns the server's update id. */
  public String postUpdate(NewUpdate update) {
    List<Map.Entry<String, String>> fields = withKeyAndJurisdiction(update.formFields());
    HttpAnswer answer = transport.send("POST servicerequestupdates",
        FormBody.into(HttpRequest.newBuilder(url("servicerequestupdates", Map.of())), fields, update.photos()), false);
    return read(answer, config.format(), READER::updateReceipt, "an update reply");
  }

  /**
   * Every request matching {@code search}, fetched lazily as the stream is consumed: by page
   * when the server advertises paging (or the search names a page size), else by date windows
   * between the search's start and end (the last 90 days when not given), halved wherever a
   * window comes back full. See {@link Harvest}.
   */
  public Stream<ServiceRequest> harvest(Search search) {
    Harvest h = Harvest.of(this, search);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(h, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private List<Map.Entry<String, String>> withKeyAndJurisdiction(List<Map.Entry<String, String>> fields) {
    List<Map.Entry<String, String>> all = new ArrayList<>();
    if (config.apiKey() != null) {
      all.add(Map.entry("api_key", config.apiKey()));
    }
    if (config.jurisdiction() != null) {
      all.add(Map.entry("jurisdiction_id", config.jurisdiction()));
    }
    all.addAll(fields);
    return all;
  }

  private <T> T get(String call, URI url, BiFunction<byte[], Format, T> reader, String what) {
    return read(transport.get(call, url), config.format(), reader, what);
  }

  private static RequestReceipt one(List<RequestReceipt> receipts, HttpAnswer answer, String what) {
    if (receipts.isEmpty()) {
      throw new UnexpectedAnswerException(answer.call(), answer.uri(), answer.status(), answer.contentType(),
          answer.excerpt(120), what + " with no request in it", null);
    }
    return receipts.get(0);
  }

  /**
   * Reads a successful answer with {@code reader}, or turns a failed one into the right
   * exception: an error document into a {@link GeoReportException}, anything else into an
   * {@link UnexpectedAnswerException}.
   */
  static <T> T read(HttpAnswer answer, Format format, BiFunction<byte[], Format, T> reader, String what) {
    if (!answer.complete()) {
      throw unexpected(answer, "the answer is larger than the limit of " + answer.body().length + " bytes", null);
    }
    if (!answer.ok()) {
      List<GeoReportError> errors = errors(answer, format);
      if (errors != null) {
        throw new GeoReportException(answer.call(), answer.uri(), answer.status(), errors);
      }
      throw unexpected(answer, "HTTP " + answer.status() + " without a GeoReport error document", null);
    }
    try {
      return reader.apply(answer.body(), format);
    } catch (DocumentException e) {
      throw unexpected(answer, "not " + what + ": " + e.getMessage(), e);
    }
  }

  /** The errors of an error document in either format, or null when the body is not one. */
  static List<GeoReportError> errors(HttpAnswer answer, Format asked) {
    Format other = asked == Format.XML ? Format.JSON : Format.XML;
    for (Format f : List.of(asked, other)) {
      try {
        JsonNode tree = READER.tree(answer.body(), f);
        if (f == Format.XML && looksLikeHtml(answer)) {
          return null;
        }
        List<GeoReportError> errors = READER.errors(answer.body(), f);
        if (!errors.isEmpty() && tree != null) {
          return errors;
        }
      } catch (DocumentException e) {
        // try the other format, else it is not an error document
      }
    }
    return null;
  }

  private static boolean looksLikeHtml(HttpAnswer answer) {
    String type = String.valueOf(answer.contentType()).toLowerCase(Locale.ROOT);
    return type.contains("html") || answer.excerpt(200).toLowerCase(Locale.ROOT).contains("<html");
  }

  private static UnexpectedAnswerException unexpected(HttpAnswer a, String problem, Throwable cause) {
    return new UnexpectedAnswerException(a.call(), a.uri(), a.status(), a.contentType(), a.excerpt(120), problem, cause);
  }
}
