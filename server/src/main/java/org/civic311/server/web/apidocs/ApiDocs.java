package org.civic311.server.web.apidocs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.civic311.georeport.Format;
import org.civic311.server.web.Answer;
import org.civic311.server.web.ApiSettings;
import org.civic311.server.web.Assets;
import org.civic311.server.web.Cors;
import org.civic311.server.web.DocumentFamily;
import org.civic311.server.web.Family;
import org.civic311.server.web.Routes;

/**
 * The API's description and its page: {@code <base_path>/openapi.json} (a document any site may
 * read, with the API's CORS) and {@code /docs}, Swagger UI from its WebJar pointed at it, with its
 * files under {@code /docs/}.
 */
public final class ApiDocs {
  /** Swagger UI's files in its WebJar; the version is the one in server/pom.xml. */
  private static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/5.35.0/";
  private final ApiSettings settings;
  private final String documentPath;
  private final OpenApiDocument document;
  private final DocumentFamily documentFamily;
  private final DocsFamily pageFamily = new DocsFamily();
  private final Assets files = Assets.only(Map.of(
      "swagger-ui.css", SWAGGER_UI + "swagger-ui.css",
      "swagger-ui-bundle.js", SWAGGER_UI + "swagger-ui-bundle.js",
      "favicon-32x32.png", SWAGGER_UI + "favicon-32x32.png",
      "docs.js", "/apidocs/docs.js",
      "docs.css", "/apidocs/docs.css"));
  private final byte[] page;

  public ApiDocs(ApiSettings settings) {
    this.settings = settings;
    String base = settings.basePath().equals("/") ? "" : settings.basePath();
    this.documentPath = base + "/openapi.json";
    this.document = new OpenApiDocument(settings.basePath());
    this.documentFamily = new DocumentFamily(p -> p.equals(documentPath), Format.JSON, "public, max-age=60",
        "(the API's description is " + documentPath + ", shown at /docs)", new Cors(settings.corsOrigins()));
    this.page = page(documentPath);
  }

  /** The families of the document and of the page, in the order they claim unmatched paths. */
  public List<Family> families() {
    return List.of(documentFamily, pageFamily);
  }

  public void routes(Routes r) {
    r.get(documentPath, documentFamily,
        x -> Answer.of(200, "application/json; charset=utf-8", document.json(x.baseUrl(settings))));
    r.get(DocsFamily.ROOT, pageFamily, x -> Answer.of(200, "text/html; charset=utf-8", page));
    r.get(DocsFamily.ROOT + "/", pageFamily, x -> Answer.redirect(302, DocsFamily.ROOT));
    r.get(DocsFamily.ROOT + "/{name*}", pageFamily, x -> files.answer(x.param("name")));
  }

  private static byte[] page(String documentPath) {
    try (var in = ApiDocs.class.getResourceAsStream("/apidocs/docs.html")) {
      if (in == null) {
        throw new IllegalStateException("missing from the jar: /apidocs/docs.html");
      }
      String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return html.replace("{{document}}", attribute(documentPath)).getBytes(StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String attribute(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
