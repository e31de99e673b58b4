package org.civic311.server.web;

import java.util.List;
import java.util.function.Predicate;
import org.civic311.georeport.Format;
import org.eclipse.jetty.http.HttpFields;

/**
 * Documents for programs that any site may read (downloads, feeds, the data catalogue's
 * metadata): failures are GeoReport error lists in one format (the messages are the API's own),
 * CORS is as open as the API's, and a path of the family that no route takes is a 404 that names
 * what there is.
 */
public final class DocumentFamily implements Family {
  private final Predicate<String> owns;
  private final Format errorFormat;
  private final String cacheControl;
  private final String whatThereIs;
  private final Cors cors;

  /**
   * @param owns          which paths belong to the family
   * @param errorFormat   the format of its error documents
   * @param cacheControl  for its successful GET answers
   * @param whatThereIs   the end of a 404's message, such as "(feeds are /feeds/requests.atom ...)"
   */
  public DocumentFamily(Predicate<String> owns, Format errorFormat, String cacheControl, String whatThereIs,
      Cors cors) {
    this.owns = owns;
    this.errorFormat = errorFormat;
    this.cacheControl = cacheControl;
    this.whatThereIs = whatThereIs;
    this.cors = cors;
  }

  @Override
  public boolean readsFromReplicas() {
    return true;
  }

  @Override
  public boolean owns(String path) {
    return owns.test(path);
  }

  @Override
  public Answer error(Exchange x, Failure failure) {
    List<String> messages = x.route() == null && failure.status() == 404
        ? List.of("no such document: " + x.path() + " " + whatThereIs)
        : failure.messages();
    return Reply.error(failure.status(), errorFormat, messages);
  }

  @Override
  public void decorate(Exchange x, Answer answer, HttpFields.Mutable headers) {
    cors.decorate(x.request(), headers);
    headers.put("X-Content-Type-Options", "nosniff");
  }

  @Override
  public String cacheControl() {
    return cacheControl;
  }

  @Override
  public Answer options(Exchange x) {
    return cors.preflight(x.request(), "GET, HEAD, OPTIONS", "Civic311-Written");
  }
}
