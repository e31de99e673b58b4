package org.civic311.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** One HTTP answer as a test sees it. */
public record Answer(int status, HttpHeaders headers, byte[] body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public String contentType() {
    return headers.firstValue("Content-Type").orElse("");
  }

  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text(), e);
    }
  }

  @Override
  public String toString() {
    return status + " " + contentType() + " " + text();
  }
}
