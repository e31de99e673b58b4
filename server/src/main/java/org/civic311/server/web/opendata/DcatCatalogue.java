package org.civic311.server.web.opendata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.civic311.server.domain.opendata.DataCatalogue;
import org.civic311.server.domain.opendata.Datasets;

/**
 * The catalogue as DCAT-US, the Project Open Data metadata schema v1.1
 * (https://resources.data.gov/resources/dcat-us/), which data.gov and most city portals harvest.
 */
final class DcatCatalogue {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SCHEMA = "https://project-open-data.cio.gov/v1.1/schema";

  private DcatCatalogue() {}

  static String of(String base, List<DataCatalogue.Listing> listings, boolean several) {
    ObjectNode catalog = JSON.createObjectNode();
    catalog.put("@context", SCHEMA + "/catalog.jsonld");
    catalog.put("@id", base + CatalogueEndpoints.DCAT);
    catalog.put("@type", "dcat:Catalog");
    catalog.put("conformsTo", SCHEMA);
    catalog.put("describedBy", SCHEMA + "/catalog.json");
    ArrayNode datasets = catalog.putArray("dataset");
    for (DataCatalogue.Listing l : listings) {
      Links links = Links.of(base, l, several);
      for (Datasets.Dataset d : l.datasets()) {
        datasets.add(dataset(d, l, links));
      }
    }
    return catalog.toPrettyString();
  }

  private static ObjectNode dataset(Datasets.Dataset d, DataCatalogue.Listing l, Links links) {
    ObjectNode o = JSON.createObjectNode();
    o.put("@type", "dcat:Dataset");
    o.put("title", d.title() + ": " + l.jurisdiction().name());
    o.put("description", d.description());
    ArrayNode keywords = o.putArray("keyword");
    d.keywords().forEach(keywords::add);
    o.put("modified", l.modified().toString());
    ObjectNode publisher = o.putObject("publisher");
    publisher.put("@type", "org:Organization");
    publisher.put("name", l.terms().publisher());
    ObjectNode contactPoint = o.putObject("contactPoint");
    contactPoint.put("@type", "vcard:Contact");
    contactPoint.put("fn", l.terms().publisher());
    if (l.terms().contactEmail() != null) {
      contactPoint.put("hasEmail", "mailto:" + l.terms().contactEmail());
    }
    // The dataset's section of the human page: stable, resolvable and unique per jurisdiction.
    o.put("identifier", links.to("/data") + "#" + d.name());
    o.put("accessLevel", "public");
    o.put("license", l.terms().licence());
    o.put("rights", l.terms().licenceName());
    // Continuously: every download and feed is read from the live database when asked.
    o.put("accrualPeriodicity", "R/PT1S");
    o.put("landingPage", links.to("/data"));
    ArrayNode language = o.putArray("language");
    language.add("en-US");
    ArrayNode distributions = o.putArray("distribution");
    for (Datasets.Distribution x : d.distributions()) {
      ObjectNode dist = distributions.addObject();
      dist.put("@type", "dcat:Distribution");
      dist.put("title", d.title() + " (" + x.format() + ")");
      dist.put("downloadURL", links.to(x.path()));
      dist.put("mediaType", x.mediaType());
      dist.put("format", x.format());
      if (x.tabular()) {
        dist.put("describedBy", links.to(CatalogueEndpoints.PACKAGE));
        dist.put("describedByType", "application/json");
      }
    }
    return o;
  }
}
