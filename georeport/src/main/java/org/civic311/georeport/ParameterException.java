package org.civic311.georeport;

/**
 * A request parameter that cannot be accepted. The message is meant for people and names the
 * parameter, so it can go straight into a GeoReport error document with status 400.
 */
public final class ParameterException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String parameter;

  public ParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The name of the offending parameter. */
  public String parameter() {
    return parameter;
  }
}
