package org.civic311.server.web;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per call on the logger {@code civic311.access}: client, method, path, status, bytes
 * sent, milliseconds, and the label of the API key used (the call's request id rides in the log
 * context, {@code request_id}), so an operator can see why a vendor's
 * integration fails. Secrets never reach it: key, token, password and CSRF values in the query
 * are replaced by {@code ***}, and a path that is itself a secret is logged as its pattern.
 */
final class AccessLog {
  private static final Logger LOG = LoggerFactory.getLogger("civic311.access");
  private static final Pattern SECRETS = Pattern.compile(
      "(?i)((?:^|&)(?:api_key|key|token|password|_csrf|session)=)[^&]*");

  private AccessLog() {}

  static void record(Exchange x, String method, int status, long bytes, long nanos) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    String path = path(x);
    String query = x.request().getHttpURI().getQuery();
    String shown = query == null || x.route() != null && x.route().secretPath() ? path : path + "?" + clean(query);
    String key = x.keyLabel();
    LOG.info("{} \"{} {}\" {} {} {}ms{}", x.client(), method, shown, status, bytes, nanos / 1_000_000,
        key == null ? "" : " key=" + key);
  }

  /** The call's path as any log may show it: its route's pattern when the path itself is a secret. */
  static String path(Exchange x) {
    return x.route() != null && x.route().secretPath() ? x.route().pattern().toString() : x.path();
  }

  /**
   * A database error's message without the statement and its arguments, which the database
   * library appends: they may hold what a resident typed (email, phone, name) or a password's hash.
   */
  static String withoutStatement(String message) {
    if (message == null) {
      return null;
    }
    int at = message.indexOf(" [statement:");
    return at < 0 ? message : message.substring(0, at);
  }

  static String clean(String query) {
    String q = SECRETS.matcher(query).replaceAll("$1***");
    // No line breaks or quotes of a client's choosing in the log.
    return q.replaceAll("[\\p{Cntrl}\"]", "?");
  }
}
