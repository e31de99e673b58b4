package org.civic311.server.web.staff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.civic311.georeport.FormDecoder;
import org.civic311.georeport.ParameterException;
import org.civic311.georeport.Parameters;
import org.civic311.server.domain.staff.AuditLog;
import org.civic311.server.domain.staff.Sessions;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * One staff page call: the parsed query and form fields, the session if signed in, and the
 * caller's address for the audit log.
 */
final class Exchange {
  /** The largest form body a staff page accepts. */
  static final int MAX_FORM_BYTES = 256 * 1024;
  static final String COOKIE = "civic311_staff";

  private final Request request;
  private final String path;
  private final Parameters query;
  private final Parameters form;
  private Sessions.Session session;

  private Exchange(Request request, String path, Parameters query, Parameters form) {
    this.request = request;
    this.path = path;
    this.query = query;
    this.form = form;
  }

  /**
   * Reads the query and, for a POST, the url-encoded form.
   *
   * @throws PageFailure 413 for a body over the limit, 415 for a body that is not a form, 400 for
   *     one that does not decode
   */
  static Exchange read(Request request, String path) {
    Parameters.Builder q = Parameters.builder();
    Parameters.Builder f = Parameters.builder();
    try {
      FormDecoder.decode(request.getHttpURI().getQuery(), q);
      if (request.getMethod().equals("POST")) {
        String type = request.getHeaders().get("Content-Type");
        long length = request.getLength();
        if (length > MAX_FORM_BYTES) {
          throw new PageFailure(413, "The form is too large.");
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
          body = in.readNBytes(MAX_FORM_BYTES + 1);
        } catch (IOException e) {
          throw new PageFailure(400, "The form could not be read.");
        }
        if (body.length > MAX_FORM_BYTES) {
          throw new PageFailure(413, "The form is too large.");
        }
        if (body.length > 0) {
          if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new PageFailure(415, "Forms are sent as application/x-www-form-urlencoded.");
          }
          FormDecoder.decode(body, f);
        }
      }
    } catch (ParameterException e) {
      throw new PageFailure(400, "The form could not be read: " + e.getMessage());
    }
    return new Exchange(request, path, q.build(), f.build());
  }

  Request request() {
    return request;
  }

  /** The path below {@code /staff}, starting with '/'. */
  String path() {
    return path;
  }

  String method() {
    return request.getMethod();
  }

  /** A query parameter, or "" when absent. */
  String query(String name) {
    return query.optional(name).orElse("");
  }

  /** A form field, or "" when absent. */
  String field(String name) {
    try {
      return form.optional(name).orElse("");
    } catch (ParameterException e) {
      return form.all(name).get(0);
    }
  }

  /** Every value of a repeated form field. */
  java.util.List<String> fields(String name) {
    return form.all(name);
  }

  Parameters form() {
    return form;
  }

  Optional<String> cookie() {
    for (HttpCookie c : Request.getCookies(request)) {
      if (c.getName().equals(COOKIE)) {
        return Optional.of(c.getValue());
      }
    }
    return Optional.empty();
  }

  Optional<Sessions.Session> session() {
    return Optional.ofNullable(session);
  }

  void signedIn(Sessions.Session s) {
    this.session = s;
  }

  Sessions.Session requireSession() {
    if (session == null) {
      throw new PageFailure(401, "Sign in first.");
    }
    return session;
  }

  AuditLog.Actor actor() {
    return new AuditLog.Actor(requireSession().member(), client());
  }

  String client() {
    return Request.getRemoteAddr(request);
  }

  boolean secure() {
    return request.isSecure();
  }

}
