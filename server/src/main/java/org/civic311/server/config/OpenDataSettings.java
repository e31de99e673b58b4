package org.civic311.server.config;

/**
 * How a jurisdiction publishes its open data ({@code open_data:} of a jurisdiction): the licence
 * of the downloads and feeds, and who publishes them. Every field is optional; without them the
 * data is dedicated to the public domain under {@link #DEFAULT_LICENCE} and published by the
 * jurisdiction's name.
 *
 * @param licence the licence's URL
 * @param licenceName its short name, such as {@code CC-BY-4.0}; required with {@code licence}
 * @param publisher the organisation that publishes the data
 */
public record OpenDataSettings(String licence, String licenceName, String publisher) {
  /**
   * CC0: 311 records are facts about public places, and most open-data portals (and the
   * Open311 community) publish them without conditions, so that anyone may mix them freely.
   */
  public static final String DEFAULT_LICENCE = "https://creativecommons.org/publicdomain/zero/1.0/";
  public static final String DEFAULT_LICENCE_NAME = "CC0-1.0";

  public static final OpenDataSettings NONE = new OpenDataSettings(null, null, null);
}
