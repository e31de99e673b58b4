package org.civic311.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.civic311.georeport.Conformance;
import org.civic311.georeport.DocumentKind;
import org.civic311.georeport.Format;

/** Speaks HTTP to a test server: well-formed calls through java.net.http, malformed ones raw. */
public final class Http {
  /** The base path the tests' servers use. */
  public static final String API = "/open311/v2";
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
  private final int port;

  public Http(int port) {
    this.port = port;
  }

  public int port() {
    return port;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public Answer get(String path) {
    return conformant("GET", path, send(HttpRequest.newBuilder(uri(path)).GET()));
  }

  public Answer method(String method, String path) {
    return conformant(method, path,
        send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody())));
  }

  /** POSTs an already encoded form body. */
  public Answer postForm(String path, String encodedBody) {
    return post(path, "application/x-www-form-urlencoded", encodedBody.getBytes(StandardCharsets.ISO_8859_1));
  }

  public Answer post(String path, String contentType, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return conformant("POST", path, send(b));
  }

  /** Encodes name-value pairs (given alternately) as a form body. */
  public static String form(String... pairs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  /**
   * Checks every answer of the API with the protocol library's conformance rules, so that no
   * test can pass on a document a strict client would reject.
   */
  private static Answer conformant(String method, String path, Answer a) {
    Optional<DocumentKind> kind = kindOf(method, path, a.status());
    if (kind.isPresent()) {
      Format format = a.contentType().startsWith("application/json") ? Format.JSON : Format.XML;
      List<String> problems = Conformance.check(kind.get(), format, a.contentType(), a.body());
      if (!problems.isEmpty()) {
        throw new AssertionError(method + " " + path + " answered a document that does not conform: " + problems
            + "\n" + a);
      }
    }
    return a;
  }

  private static Optional<DocumentKind> kindOf(String method, String path, int status) {
    String bare = path.split("\\?", 2)[0];
    if (bare.startsWith("/staff") || bare.equals("/") || bare.startsWith("/report") || bare.startsWith("/thanks")
        || bare.startsWith("/requests/") || bare.startsWith("/browse") || bare.startsWith("/unsubscribe/")
        || bare.startsWith("/static/") || bare.equals("/docs") || bare.startsWith("/docs/") || bare.equals("/stats")
        || bare.startsWith("/stats/")) {
      return Optional.empty();
    }
    if (status >= 400) {
      return Optional.of(DocumentKind.ERRORS);
    }
    String p = path.split("\\?", 2)[0];
    if (!p.startsWith(API + "/") || status != 200) {
      return Optional.empty();
    }
    String rest = p.substring(API.length() + 1);
    if (rest.startsWith("discovery.")) {
      return Optional.of(DocumentKind.DISCOVERY);
    } else if (rest.startsWith("services/")) {
      return Optional.of(DocumentKind.SERVICE_DEFINITION);
    } else if (rest.startsWith("services.")) {
      return Optional.of(DocumentKind.SERVICES);
    } else if (rest.startsWith("servicerequestupdates.")) {
      return Optional.of(method.equals("POST") ? DocumentKind.UPDATE_REPLY : DocumentKind.UPDATES);
    } else if (rest.startsWith("tokens/")) {
      return Optional.of(DocumentKind.TOKEN_REPLY);
    } else if (rest.startsWith("requests")) {
      return Optional.of(method.equals("POST") ? DocumentKind.POST_REPLY : DocumentKind.REQUESTS);
    }
    return Optional.empty();
  }

  public Answer send(HttpRequest.Builder b) {
    try {
      HttpResponse<byte[]> r = CLIENT.send(b.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends raw bytes on a new connection and returns everything the server answers. */
  public String raw(byte[] request) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request);
      out.flush();
      s.shutdownOutput();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
