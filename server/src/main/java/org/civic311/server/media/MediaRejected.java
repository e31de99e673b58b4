package org.civic311.server.media;

/**
 * An uploaded part that will not be stored. The message names the part and says why in words
 * meant for the client, for example "photo is not a JPEG, PNG, WebP or HEIC image (it looks like
 * HTML)"; the web layer turns the {@link Reason} into a status.
 */
public final class MediaRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the part was refused, with the HTTP status each is meant to become. */
  public enum Reason {
    /** Not one of the accepted image types, judged by its bytes: 415. */
    UNSUPPORTED_TYPE,
    /** Too many bytes, or too many pixels for its header's size: 413. */
    TOO_LARGE,
    /** More parts than {@link MediaLimits#maxFiles()}: 413. */
    TOO_MANY_FILES,
    /** Starts like an accepted image but its structure is broken: 400. */
    DAMAGED
  }

  private final Reason reason;
  private final String partName;

  MediaRejected(Reason reason, String partName, String message) {
    super(message);
    this.reason = reason;
    this.partName = partName;
  }

  public Reason reason() {
    return reason;
  }

  /** The name of the form part that was refused, as the client sent it. */
  public String partName() {
    return partName;
  }
}
