package org.civic311.client;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One HTTP answer as received, before any GeoReport reading: for callers that judge answers
 * themselves, such as the endpoint validator. Immutable.
 *
 * @param call     the call's name, such as {@code GET services}
 * @param uri      the URL called
 * @param status   the HTTP status
 * @param headers  the response headers
 * @param body     the body, or its first {@link ClientConfig#maxAnswerBytes()} bytes
 * @param complete false when the body was longer than the limit and was cut there
 * @param retries  how many 429 or 503 answers were retried before this one
 */
public record HttpAnswer(String call, URI uri, int status, HttpHeaders headers, byte[] body, boolean complete,
    int retries) {

  public HttpAnswer {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  /** The {@code Content-Type} header, or null when there is none. */
  public String contentType() {
    return headers.firstValue("Content-Type").orElse(null);
  }

  /** True for a 2xx status. */
  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The first {@code max} characters of the body as UTF-8, white space made single spaces. */
  public String excerpt(int max) {
    String text = new String(body, 0, Math.min(body.length, max * 4), StandardCharsets.UTF_8)
        .replaceAll("\\s+", " ").trim();
    return text.length() > max ? text.substring(0, max) + "..." : text;
  }
}
