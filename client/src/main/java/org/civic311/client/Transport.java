package org.civic311.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends HTTP calls as a {@link ClientConfig} says: its timeouts, user agent and answer limit,
 * and its retries. A 429 or 503 answer is retried after the wait its {@code Retry-After} header
 * asks (seconds or an HTTP date, at most {@link ClientConfig#maxRetryWait()}), else after 1, 2,
 * 4 ... seconds. A POST is retried only when the server said when to come back (a 429, or a 503
 * with {@code Retry-After}), since a bare 503 may come after the request was taken.
 *
 * <p>Thread-safe; share one per configuration. The underlying {@link HttpClient} keeps its
 * connections and threads for the life of the process; there is nothing to close.
 */
public final class Transport {
  private final ClientConfig config;
  private final HttpClient http;
  private final Sleeper sleeper;

  /** Pauses between retries; tests replace it to run without waiting. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  public Transport(ClientConfig config) {
    this(config, d -> Thread.sleep(d.toMillis()));
  }

  Transport(ClientConfig config, Sleeper sleeper) {
    this.config = config;
    this.sleeper = sleeper;
    this.http = HttpClient.newBuilder()
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /** The configuration this transport follows. */
  public ClientConfig config() {
    return config;
  }

  /** A GET, retried on 429 and 503. */
  public HttpAnswer get(String call, URI uri) {
    return send(call, HttpRequest.newBuilder(uri).GET(), true);
  }

  /**
   * Sends a request and reads its answer, whatever its status.
   *
   * @param call       the call's name for messages, such as {@code POST requests}
   * @param request    the request, without the user agent and timeout, which are added here
   * @param idempotent true when a bare 503 may be retried (GETs)
   * @throws CallTimeoutException when the whole answer did not arrive within the call timeout
   * @throws ConnectionException  when the server cannot be reached or the connection breaks
   */
  public HttpAnswer send(String call, HttpRequest.Builder request, boolean idempotent) {
    HttpRequest r = request.copy()
        .header("User-Agent", config.userAgent())
        .timeout(config.callTimeout())
        .build();
    int retries = 0;
    while (true) {
      HttpAnswer answer = once(call, r, retries);
      Optional<Duration> retryAfter = retryAfter(answer);
      boolean busy = answer.status() == 429 || answer.status() == 503;
      boolean mayRetry = busy && (idempotent || answer.status() == 429 || retryAfter.isPresent());
      if (!mayRetry || retries >= config.maxRetries()) {
        return answer;
      }
      Duration wait = retryAfter.orElse(Duration.ofSeconds(1L << Math.min(retries, 6)));
      if (wait.compareTo(config.maxRetryWait()) > 0) {
        wait = config.maxRetryWait();
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClientException(call, r.uri(), "interrupted while waiting to retry", e);
      }
      retries++;
    }
  }

  private HttpAnswer once(String call, HttpRequest r, int retries) {
    CompletableFuture<HttpResponse<CappedBody.Bytes>> future =
        http.sendAsync(r, CappedBody.handler(config.maxAnswerBytes()));
    try {
      // The request's own timeout covers only the wait for headers; this bounds the body too.
      HttpResponse<CappedBody.Bytes> response =
          future.get(config.callTimeout().toMillis() + 100, TimeUnit.MILLISECONDS);
      CappedBody.Bytes bytes = response.body();
      return new HttpAnswer(call, r.uri(), response.statusCode(), response.headers(), bytes.body(),
          bytes.complete(), retries);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new CallTimeoutException(call, r.uri(), config.callTimeout(), e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ClientException(call, r.uri(), "interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpConnectTimeoutException) {
        throw new CallTimeoutException(call, r.uri(), config.connectTimeout(), cause);
      }
      if (cause instanceof HttpTimeoutException) {
        throw new CallTimeoutException(call, r.uri(), config.callTimeout(), cause);
      }
      if (cause instanceof ConnectException) {
        throw new ConnectionException(call, r.uri(), "cannot connect: " + refusal(cause, r.uri()), cause);
      }
      if (cause instanceof IOException) {
        throw new ConnectionException(call, r.uri(), "the connection failed: " + describe(cause), cause);
      }
      throw new ClientException(call, r.uri(), describe(cause), cause);
    }
  }

  /** Why a connection could not be made, in words (the JDK often gives only a channel exception). */
  private static String refusal(Throwable t, URI uri) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof java.nio.channels.UnresolvedAddressException || c instanceof java.net.UnknownHostException) {
        return "unknown host " + uri.getHost();
      }
    }
    if (t.getMessage() != null && !t.getMessage().isBlank()) {
      return t.getMessage();
    }
    return "connection refused, or " + uri.getHost() + " cannot be reached";
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    if (m == null && t.getCause() != null) {
      m = t.getCause().toString();
    }
    return m == null ? t.getClass().getSimpleName() : m;
  }

  /** The wait a {@code Retry-After} header asks for, when it has one that can be read. */
  static Optional<Duration> retryAfter(HttpAnswer answer) {
    Optional<String> header = answer.headers().firstValue("Retry-After").map(String::trim);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String v = header.get();
    if (v.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
