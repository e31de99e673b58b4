package org.civic311.georeport;

/**
 * The CitySDK vocabulary of {@code extended_attributes.detailed_status}, the field under which
 * CitySDK servers (Mark-a-Spot, Klarschiff, Helsinki) and their clients carry a request's state
 * beyond open and closed. On the wire the values are upper case, as named here.
 *
 * <p>Each {@link ExtendedStatus} maps to one of these ({@link ExtendedStatus#citySdk()}).
 * {@link #PENDING} (reported, not yet accepted) and {@link #ARCHIVED} (kept only for the record)
 * are part of the vocabulary that clients may meet elsewhere, but no extended status maps to them.
 */
public enum CitySdkStatus {
  PENDING,
  RECEIVED,
  IN_PROCESS,
  PROCESSED,
  ARCHIVED,
  REJECTED;

  /** The name used on the wire, such as {@code IN_PROCESS}. */
  public String wireName() {
    return name();
  }
}
