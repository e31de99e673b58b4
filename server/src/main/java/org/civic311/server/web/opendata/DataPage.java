package org.civic311.server.web.opendata;

import java.util.ArrayList;
import java.util.List;
import org.civic311.server.domain.opendata.Columns;
import org.civic311.server.domain.opendata.DataCatalogue;
import org.civic311.server.domain.opendata.Datasets;
import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Templates;
import org.civic311.server.web.citizen.Messages;
import org.civic311.server.web.citizen.Page;

/** The catalogue for people: every dataset, its formats, its columns and its terms, in the reader's language. */
public final class DataPage {
  private final Templates templates = new Templates("citizen");

  /** A link to one format of a dataset. */
  public record Format(String name, String url, String mediaType) {}

  /** One dataset as shown. */
  public record DatasetView(String name, String title, String description, List<Format> formats,
      List<Columns.Column> columns) {}

  /** The model of the page. */
  public record DataView(Page page, String jurisdiction, List<DatasetView> datasets, String licence,
      String licenceName, String publisher, String modified, String dcatUrl, String packageUrl) {}

  Answer show(Exchange x, DataCatalogue.Listing l, boolean several) {
    Messages t = x.t();
    Links links = Links.of("", l, several);
    List<DatasetView> datasets = new ArrayList<>();
    for (Datasets.Dataset d : l.datasets()) {
      List<Format> formats = new ArrayList<>();
      for (Datasets.Distribution dist : d.distributions()) {
        formats.add(new Format(dist.format(), links.to(dist.path()), dist.mediaType()));
      }
      datasets.add(new DatasetView(d.name(), t.get("data." + d.name() + ".title"),
          t.get("data." + d.name() + ".description"), formats, d.columns()));
    }
    Page page = new Page(t.get("data.title"), t, "/data" + links.jurisdictionQuery(), false, null);
    return Answer.html(200, templates.render("data", new DataView(page, l.jurisdiction().name(), datasets,
        l.terms().licence(), l.terms().licenceName(), l.terms().publisher(),
        l.modified().atZone(l.jurisdiction().zone()).toLocalDate().toString(),
        links.to(CatalogueEndpoints.DCAT), links.to(CatalogueEndpoints.PACKAGE))));
  }
}
