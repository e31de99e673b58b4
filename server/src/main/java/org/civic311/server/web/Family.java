package org.civic311.server.web;

import org.eclipse.jetty.http.HttpFields;

/**
 * What routes of one kind share: the GeoReport API, the residents' pages, the staff pages, files.
 * The door asks a route's family to prepare a call, to render a failure, and to add the headers
 * all its answers carry; everything else (HEAD, validators, limits, the access log) the door
 * does alike for all.
 */
public interface Family {
  /** True when a path no route matched belongs to this family (so its 404 looks like the family's). */
  boolean owns(String path);

  /**
   * Runs before the body is read: checks that need no body, and what the route needs to know of
   * the caller. May answer at once instead of the route (a redirect to sign in), or throw a
   * {@link Failure}; returns null to go on.
   */
  default Answer before(Exchange x) {
    return null;
  }

  /** Runs once the body is read, before the route (a form's CSRF token, say); may throw a {@link Failure}. */
  default void checked(Exchange x) {}

  /** The answer for a failure; {@code x.route()} is null when no route matched. */
  Answer error(Exchange x, Failure failure);

  /** Adds the headers every answer of this family carries. */
  void decorate(Exchange x, Answer answer, HttpFields.Mutable headers);

  /** The {@code Cache-Control} of a successful GET answer that did not name its own. */
  String cacheControl();

  /**
   * True when the GETs of this family may be served by a database replica, a little behind the
   * primary (see {@link ReadYourWrites}); false keeps all its reads on the primary.
   */
  default boolean readsFromReplicas() {
    return false;
  }

  /** Answers an {@code OPTIONS} call (a CORS preflight), or null when the family takes none. */
  default Answer options(Exchange x) {
    return null;
  }
}
