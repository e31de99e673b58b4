package org.civic311.server.web.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document follows the configured base path as {@code GeoReportApi} registers its routes. */
class OpenApiDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> paths(String basePath) throws Exception {
    JsonNode doc = JSON.readTree(new OpenApiDocument(basePath).json("https://311.example.org"));
    List<String> paths = new ArrayList<>();
    doc.get("paths").fieldNames().forEachRemaining(paths::add);
    return paths;
  }

  @Test
  void theDefaultBasePathKeepsTheWrittenPaths() throws Exception {
    assertThat(paths("/open311/v2")).contains("/open311/v2/requests.{format}", "/open311/discovery.{format}",
        "/open311/v2", "/open311/v2/", "/open311/v2/openapi.json", "/data/requests.csv", "/media/{name}");
  }

  @Test
  void anotherBasePathMovesTheApiPathsAndOnlyThem() throws Exception {
    List<String> paths = paths("/city/api");
    assertThat(paths).contains("/city/api/requests.{format}", "/city/api/services/{code}.{format}",
        "/city/discovery.{format}", "/city/api", "/city/api/", "/city/api/openapi.json", "/data/requests.csv",
        "/feeds/requests.atom");
    assertThat(paths).noneMatch(p -> p.startsWith("/open311"));
  }

  @Test
  void aBasePathAtTheTopHasItsDiscoveryAtTheRoot() throws Exception {
    assertThat(paths("/api")).contains("/api/discovery.{format}", "/discovery.{format}", "/api");
  }

  @Test
  void theRootAsBasePathHasNoBarePathAndNoParentDiscovery() throws Exception {
    List<String> paths = paths("/");
    assertThat(paths).contains("/requests.{format}", "/discovery.{format}", "/", "/openapi.json");
    assertThat(paths).hasSize(paths("/open311/v2").size() - 2);
  }

  @Test
  void theServerIsTheOneAsked() throws Exception {
    OpenApiDocument document = new OpenApiDocument("/open311/v2");
    assertThat(JSON.readTree(document.json("https://311.example.org")).at("/servers/0/url").asText())
        .isEqualTo("https://311.example.org");
    assertThat(JSON.readTree(document.json("http://localhost:8080")).at("/servers/0/url").asText())
        .isEqualTo("http://localhost:8080");
  }
}
