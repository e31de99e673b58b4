package org.civic311.server.web.opendata;

import org.civic311.server.web.Cors;
import org.civic311.server.web.DocumentFamily;
import org.civic311.georeport.Format;

import org.civic311.server.domain.opendata.DataCatalogue;
import org.civic311.server.web.Answer;
import org.civic311.server.web.ApiSettings;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Family;
import org.civic311.server.web.Routes;

/**
 * The catalogue's routes: {@code /data} in the residents' family (their look and language), and
 * the metadata documents {@code /data.json} and {@code /data/datapackage.json} in their own.
 */
public final class CatalogueEndpoints {
  private final DataCatalogue catalogue;
  private final ApiSettings settings;
  private final DataPage page = new DataPage();
  static final String DCAT = "/data.json";
  static final String PACKAGE = "/data/datapackage.json";
  private final DocumentFamily family;

  public CatalogueEndpoints(DataCatalogue catalogue, ApiSettings settings) {
    this.catalogue = catalogue;
    this.settings = settings;
    this.family = new DocumentFamily(p -> p.equals(DCAT) || p.equals(PACKAGE), Format.JSON, "public, max-age=60",
        "(the catalogue is /data, /data.json and /data/datapackage.json)", new Cors(settings.corsOrigins()));
  }

  public Family family() {
    return family;
  }

  /** Adds the routes; {@code pages} is the residents' pages' family. */
  public void routes(Routes r, Family pages) {
    r.get("/data", pages, x -> page.show(x, catalogue.of(x.queryParameters().optional("jurisdiction_id")),
        catalogue.several()));
    r.get(DCAT, family, x -> Answer.json(DcatCatalogue.of(x.baseUrl(settings), catalogue.all(),
        catalogue.several())));
    r.get(PACKAGE, family, this::dataPackage);
  }

  private Answer dataPackage(Exchange x) {
    DataCatalogue.Listing l = catalogue.of(x.queryParameters().optional("jurisdiction_id"));
    return Answer.of(200, "application/json; charset=utf-8",
        DataPackage.of(l, Links.of(x.baseUrl(settings), l, catalogue.several()))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
