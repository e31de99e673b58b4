package org.civic311.client;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The body of a POST: a url-encoded form, or multipart/form-data when photos go with it. */
final class FormBody {
  private static final SecureRandom RANDOM = new SecureRandom();

  private FormBody() {}

  /** Fills in the body and its {@code Content-Type} on {@code request}. */
  static HttpRequest.Builder into(HttpRequest.Builder request, List<Map.Entry<String, String>> fields,
      List<Photo> photos) {
    if (photos.isEmpty()) {
      return request.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(encode(fields), StandardCharsets.UTF_8));
    }
    byte[] random = new byte[12];
    RANDOM.nextBytes(random);
    String boundary = "civic311-" + HexFormat.of().formatHex(random);
    return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, photos)));
  }

  /** Fields as {@code a=b&c=d}, UTF-8 and percent-encoded. */
  static String encode(List<Map.Entry<String, String>> fields) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, String> f : fields) {
      if (s.length() > 0) {
        s.append('&');
      }
      s.append(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
    }
    return s.toString();
  }

  private static byte[] multipart(String boundary, List<Map.Entry<String, String>> fields, List<Photo> photos) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields) {
      write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(f.getKey())
          + "\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
      write(out, f.getValue());
      write(out, "\r\n");
    }
    for (Photo p : photos) {
      write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\""
          + p.fileName() + "\"\r\nContent-Type: " + p.contentType() + "\r\n\r\n");
      out.writeBytes(p.bytes());
      write(out, "\r\n");
    }
    write(out, "--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  private static String quoted(String name) {
    return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
