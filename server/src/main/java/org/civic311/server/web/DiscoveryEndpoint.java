package org.civic311.server.web;

import java.time.ZoneOffset;
import java.util.List;
import org.civic311.georeport.Discovery;
import org.civic311.georeport.Documents;
import org.civic311.georeport.Endpoint;
import org.civic311.georeport.Format;
import org.civic311.georeport.GeoDateTime;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.domain.RequestSearch;
import org.civic311.server.domain.interop.Idempotency;
import org.civic311.server.web.interop.IdempotentPosts;

/** {@code GET discovery}: who runs this server, how to get a key, where the endpoint is. */
final class DiscoveryEndpoint {
  static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
  private final Jurisdictions jurisdictions;
  private final ApiSettings settings;

  DiscoveryEndpoint(Jurisdictions jurisdictions, ApiSettings settings) {
    this.jurisdictions = jurisdictions;
    this.settings = settings;
  }

  Answer get(Exchange x, Format format) {
    String changeset = GeoDateTime.format(jurisdictions.changeset().atOffset(ZoneOffset.UTC));
    Endpoint endpoint = new Endpoint(SPECIFICATION, x.baseUrl(settings) + settings.basePath(), changeset, settings.endpointType(),
        List.of(Format.XML.contentType().split(";")[0], Format.JSON.contentType().split(";")[0]));
    Discovery d = new Discovery(changeset, settings.contact(), settings.keyService(), List.of(endpoint));
    java.util.Map<String, Object> paging = new java.util.LinkedHashMap<>();
    paging.put("max_requests", RequestSearch.MAX_RESULTS);
    paging.put("page_size_default", RequestSearch.DEFAULT_PAGE_SIZE);
    paging.put("page_size_max", RequestSearch.MAX_RESULTS);
    // POSTs honour this header for this many hours (see docs/INTEROP.md).
    paging.put("idempotency_key_header", IdempotentPosts.HEADER);
    paging.put("idempotency_key_hours", Idempotency.LIFETIME.toHours());
    org.civic311.georeport.Document doc = Documents.discovery(d, paging);
    if (!settings.mirrors().isEmpty()) {
      // Which jurisdictions here are copies of another city's endpoint (docs/INTEROP.md).
      List<org.civic311.georeport.Node> mirrors = new java.util.ArrayList<>();
      settings.mirrors().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e ->
          mirrors.add(new org.civic311.georeport.Node.Fields(List.of(
              new org.civic311.georeport.Node.Field("jurisdiction_id", new org.civic311.georeport.Node.Scalar(e.getKey())),
              new org.civic311.georeport.Node.Field("source", new org.civic311.georeport.Node.Scalar(e.getValue()))))));
      List<org.civic311.georeport.Node.Field> fields = new java.util.ArrayList<>(
          ((org.civic311.georeport.Node.Fields) doc.body()).fields());
      fields.add(new org.civic311.georeport.Node.Field("mirrors", new org.civic311.georeport.Node.Items("mirror", mirrors)));
      doc = new org.civic311.georeport.Document("discovery", new org.civic311.georeport.Node.Fields(fields));
    }
    return Reply.of(200, doc, format);
  }

}
