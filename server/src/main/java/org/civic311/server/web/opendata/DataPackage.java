package org.civic311.server.web.opendata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.civic311.server.domain.opendata.Columns;
import org.civic311.server.domain.opendata.DataCatalogue;
import org.civic311.server.domain.opendata.Datasets;

/**
 * A jurisdiction's downloads as a Frictionless Data package (https://specs.frictionlessdata.io/):
 * every download a resource, the CSV files with a Table Schema made from {@link Columns}, so tools
 * that read packages type the columns without guessing. Feeds are not files to load, so they are
 * left out.
 */
final class DataPackage {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DataPackage() {}

  static String of(DataCatalogue.Listing l, Links links) {
    ObjectNode p = JSON.createObjectNode();
    p.put("profile", "data-package");
    p.put("name", l.jurisdiction().id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-") + "-311");
    p.put("id", links.to(CatalogueEndpoints.PACKAGE));
    p.put("title", "311 service requests: " + l.jurisdiction().name());
    p.put("homepage", links.to("/data"));
    ObjectNode licence = p.putArray("licenses").addObject();
    licence.put("name", l.terms().licenceName());
    licence.put("path", l.terms().licence());
    licence.put("title", l.terms().licenceName());
    ObjectNode publisher = p.putArray("contributors").addObject();
    publisher.put("title", l.terms().publisher());
    publisher.put("role", "publisher");
    ArrayNode resources = p.putArray("resources");
    for (Datasets.Dataset d : l.datasets()) {
      for (Datasets.Distribution x : d.distributions()) {
        if (x.path().startsWith("/feeds/")) {
          continue;
        }
        ObjectNode r = resources.addObject();
        String extension = x.path().substring(x.path().lastIndexOf('.') + 1);
        r.put("name", d.name() + "-" + extension);
        r.put("title", d.title() + " (" + x.format() + ")");
        r.put("description", d.description());
        r.put("path", links.to(x.path()));
        r.put("format", extension);
        r.put("mediatype", x.mediaType());
        r.put("encoding", "utf-8");
        if (x.tabular()) {
          r.put("profile", "tabular-data-resource");
          ObjectNode schema = r.putObject("schema");
          ArrayNode fields = schema.putArray("fields");
          for (Columns.Column c : d.columns()) {
            ObjectNode f = fields.addObject();
            f.put("name", c.name());
            f.put("type", c.type());
            if (c.type().equals("datetime")) {
              // Times carry the jurisdiction's offset, which the default format (UTC with Z) would refuse.
              f.put("format", "any");
            }
            f.put("description", c.meaning());
            if (!c.example().isEmpty()) {
              f.put("example", c.example());
            }
          }
          schema.putArray("missingValues").add("");
          if (d.name().equals("requests")) {
            schema.put("primaryKey", "service_request_id");
          }
        }
      }
    }
    return p.toPrettyString();
  }
}
