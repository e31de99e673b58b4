package org.civic311.georeport;

/**
 * A GeoReport document that cannot be read: not well-formed XML or JSON, a forbidden document
 * type declaration, or a field that is missing or cannot be understood. The message is meant for
 * people and names the field at fault by its path, such as {@code services[2].service_code}.
 */
public final class DocumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DocumentException(String message) {
    super(message);
  }

  public DocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
