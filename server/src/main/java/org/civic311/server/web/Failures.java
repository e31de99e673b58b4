package org.civic311.server.web;

import org.civic311.georeport.ParameterException;
import org.civic311.server.domain.Refusal;
import org.civic311.server.domain.staff.InvalidInput;
import org.civic311.server.domain.staff.NotFound;
import org.civic311.server.domain.staff.NotPermitted;
import org.civic311.server.media.MediaRejected;
import org.civic311.server.storage.StorageException;
import org.civic311.server.web.citizen.Messages;

/** What every family answers for what the domain and the storage refuse: the status and the words. */
final class Failures {
  private static final Messages PLAIN = Messages.staff("en");

  private Failures() {}

  static Failure of(Throwable t) {
    if (t instanceof Failure f) {
      return f;
    }
    if (t instanceof ParameterException e) {
      return new Failure(400, e.getMessage());
    }
    if (t instanceof Refusal e) {
      return new Failure(status(e.reason()), e.messages());
    }
    if (t instanceof MediaRejected e) {
      return new Failure(status(e.reason()), e.getMessage());
    }
    if (t instanceof NotPermitted e) {
      return Failure.worded(403, e.wording(), PLAIN.get(e.wording()));
    }
    if (t instanceof NotFound e) {
      return Failure.worded(404, e.wording(), PLAIN.get(e.wording()));
    }
    if (t instanceof InvalidInput e) {
      return new Failure(400, String.join(" ", e.fields().values().stream().map(PLAIN::get).toList()));
    }
    if (t instanceof StorageException) {
      return new Failure(503, "the database is unavailable; try again shortly").with("Retry-After", "5");
    }
    return new Failure(500, "internal error; it has been logged");
  }

  static int status(MediaRejected.Reason reason) {
    return switch (reason) {
      case UNSUPPORTED_TYPE -> 415;
      case TOO_LARGE, TOO_MANY_FILES -> 413;
      default -> 400;
    };
  }

  static int status(Refusal.Reason reason) {
    return switch (reason) {
      case INVALID -> 400;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case UNAVAILABLE -> 503;
    };
  }
}
