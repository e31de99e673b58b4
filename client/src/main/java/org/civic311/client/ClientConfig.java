package org.civic311.client;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.civic311.georeport.Format;

/**
 * How a {@link GeoReportClient} reaches one GeoReport v2 endpoint: where it is (a base URL such
 * as {@code https://city.example/open311/v2}, or a discovery URL from which the base is read),
 * the API key and jurisdiction to send, the format to speak, the timeouts, the user agent, how
 * often to retry a busy server and how large an answer may be.
 *
 * <p>Immutable and thread-safe: built once with {@link #builder()}, checked when built, and varied
 * with {@link #newBuilder()}. A bad setting is an {@link IllegalArgumentException} from
 * {@link Builder#build()}, never silently replaced by a default.
 */
public final class ClientConfig {
  /** The user agent sent when none is set. */
  public static final String DEFAULT_USER_AGENT = "civic311-client/0.1 (+https://github.com/civic311)";

  private final URI baseUrl;
  private final URI discoveryUrl;
  private final String apiKey;
  private final String jurisdiction;
  private final Format format;
  private final Duration connectTimeout;
  private final Duration callTimeout;
  private final String userAgent;
  private final int maxRetries;
  private final Duration maxRetryWait;
  private final long maxAnswerBytes;

  private ClientConfig(Builder b) {
    this.baseUrl = b.baseUrl;
    this.discoveryUrl = b.discoveryUrl;
    this.apiKey = b.apiKey;
    this.jurisdiction = b.jurisdiction;
    this.format = b.format;
    this.connectTimeout = b.connectTimeout;
    this.callTimeout = b.callTimeout;
    this.userAgent = b.userAgent;
    this.maxRetries = b.maxRetries;
    this.maxRetryWait = b.maxRetryWait;
    this.maxAnswerBytes = b.maxAnswerBytes;
  }

  /** A builder with the defaults: XML, 10 s to connect, 30 s per call, 3 retries, 64 MiB answers. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's settings, to make a varied copy. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** The endpoint's base URL, without a trailing slash; null when it is to be discovered. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The discovery document's URL; null when a base URL was given instead. */
  public URI discoveryUrl() {
    return discoveryUrl;
  }

  /** The API key sent with every POST (and with the update history GET), or null. */
  public String apiKey() {
    return apiKey;
  }

  /** The {@code jurisdiction_id} sent with every call, or null. */
  public String jurisdiction() {
    return jurisdiction;
  }

  /** The format asked for by every call. */
  public Format format() {
    return format;
  }

  /** How long opening a connection may take. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long one call may take from sending to the last byte of its answer. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** The {@code User-Agent} header. */
  public String userAgent() {
    return userAgent;
  }

  /** How often a 429 or 503 answer is retried before it is reported. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The longest wait before a retry, whatever {@code Retry-After} asks. */
  public Duration maxRetryWait() {
    return maxRetryWait;
  }

  /** The largest answer read; a larger one fails its call. */
  public long maxAnswerBytes() {
    return maxAnswerBytes;
  }

  @Override
  public String toString() {
    // The key is a secret: only whether one is set is shown.
    return "ClientConfig{" + (baseUrl != null ? "base=" + baseUrl : "discovery=" + discoveryUrl)
        + ", apiKey=" + (apiKey == null ? "none" : "set") + ", jurisdiction=" + jurisdiction
        + ", format=" + format + ", connectTimeout=" + connectTimeout + ", callTimeout=" + callTimeout
        + ", maxRetries=" + maxRetries + ", maxAnswerBytes=" + maxAnswerBytes + "}";
  }

  /** Collects settings for a {@link ClientConfig}. Not thread-safe; use it on one thread. */
  public static final class Builder {
    private URI baseUrl;
    private URI discoveryUrl;
    private String apiKey;
    private String jurisdiction;
    private Format format = Format.XML;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration callTimeout = Duration.ofSeconds(30);
    private String userAgent = DEFAULT_USER_AGENT;
    private int maxRetries = 3;
    private Duration maxRetryWait = Duration.ofSeconds(60);
    private long maxAnswerBytes = 64L * 1024 * 1024;

    private Builder() {}

    private Builder(ClientConfig c) {
      baseUrl = c.baseUrl;
      discoveryUrl = c.discoveryUrl;
      apiKey = c.apiKey;
      jurisdiction = c.jurisdiction;
      format = c.format;
      connectTimeout = c.connectTimeout;
      callTimeout = c.callTimeout;
      userAgent = c.userAgent;
      maxRetries = c.maxRetries;
      maxRetryWait = c.maxRetryWait;
      maxAnswerBytes = c.maxAnswerBytes;
    }

    /** The endpoint's base URL, such as {@code https://city.example/open311/v2}; clears a discovery URL. */
    public Builder baseUrl(String url) {
      this.baseUrl = url == null ? null : httpUrl(url, "baseUrl");
      if (url != null) {
        this.discoveryUrl = null;
      }
      return this;
    }

    /**
     * A discovery URL ({@code .../discovery.xml} or {@code .json}); the client reads the base URL
     * from its first production GeoReport v2 endpoint. Clears a base URL.
     */
    public Builder discoveryUrl(String url) {
      this.discoveryUrl = url == null ? null : httpUrl(url, "discoveryUrl");
      if (url != null) {
        this.baseUrl = null;
      }
      return this;
    }

    public Builder apiKey(String apiKey) {
      this.apiKey = blankToNull(apiKey);
      return this;
    }

    public Builder jurisdiction(String jurisdiction) {
      this.jurisdiction = blankToNull(jurisdiction);
      return this;
    }

    public Builder format(Format format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    public Builder userAgent(String userAgent) {
      if (userAgent == null || userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
        throw new IllegalArgumentException("userAgent must be printable ASCII text, not '" + userAgent + "'");
      }
      this.userAgent = userAgent;
      return this;
    }

    /** How often a 429 or 503 is retried (0 to 10). */
    public Builder maxRetries(int retries) {
      if (retries < 0 || retries > 10) {
        throw new IllegalArgumentException("maxRetries must be 0 to 10, not " + retries);
      }
      this.maxRetries = retries;
      return this;
    }

    public Builder maxRetryWait(Duration wait) {
      this.maxRetryWait = positive(wait, "maxRetryWait");
      return this;
    }

    /** The largest answer read, at least 1 KiB. */
    public Builder maxAnswerBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxAnswerBytes must be at least 1024, not " + bytes);
      }
      this.maxAnswerBytes = bytes;
      return this;
    }

    /** @throws IllegalArgumentException when neither a base URL nor a discovery URL is set */
    public ClientConfig build() {
      if (baseUrl == null && discoveryUrl == null) {
        throw new IllegalArgumentException("a base URL or a discovery URL is needed");
      }
      return new ClientConfig(this);
    }

    private static URI httpUrl(String text, String name) {
      URI uri;
      try {
        uri = URI.create(text.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " '" + text + "' is not a URL", e);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        throw new IllegalArgumentException(name + " '" + text + "' must be an http or https URL with a host");
      }
      String s = uri.toString();
      while (s.endsWith("/")) {
        s = s.substring(0, s.length() - 1);
      }
      return URI.create(s);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, not " + d);
      }
      return d;
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }
}
