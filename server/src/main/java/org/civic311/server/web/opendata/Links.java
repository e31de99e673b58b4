package org.civic311.server.web.opendata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.civic311.server.domain.opendata.DataCatalogue;

/**
 * Where a jurisdiction's data lives: a path on this server made absolute, naming the jurisdiction
 * only on a server of several (where a link without it would be refused).
 */
record Links(String base, String jurisdictionQuery) {

  static Links of(String base, DataCatalogue.Listing listing, boolean several) {
    return new Links(base, several
        ? "?jurisdiction_id=" + URLEncoder.encode(listing.jurisdiction().id(), StandardCharsets.UTF_8) : "");
  }

  String to(String path) {
    return base + path + jurisdictionQuery;
  }
}
