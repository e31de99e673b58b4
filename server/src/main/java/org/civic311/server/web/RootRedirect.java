package org.civic311.server.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Sends a visitor of {@code /} to the discovery document, the natural first stop. */
final class RootRedirect extends Handler.Abstract.NonBlocking {
  private final String target;

  RootRedirect(String basePath) {
    this.target = (basePath.equals("/") ? "" : basePath) + "/discovery.json";
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!"/".equals(request.getHttpURI().getPath()) || !"GET".equals(request.getMethod())) {
      return false;
    }
    response.setStatus(302);
    response.getHeaders().put(HttpHeader.LOCATION, target);
    response.write(true, null, callback);
    return true;
  }
}
