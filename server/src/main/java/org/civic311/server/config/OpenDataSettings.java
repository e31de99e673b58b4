package org.civic311.server.config;

/**
 * How a jurisdiction publishes its open data ({@code open_data:} of a jurisdiction): the licence
 * of the downloads and feeds, and who publishes them. Every field is optional; without them the
 * data is dedicated to the public domain (CC0 1.0) and published under the jurisdiction's name:
 * 311 records are facts about public places, which most open-data portals publish without
 * conditions so that anyone may mix them freely.
 *
 * @param licence the licence's URL
 * @param licenceName its short name, such as {@code CC-BY-4.0}; required with {@code licence}
 * @param publisher the organisation that publishes the data
 * @param contactEmail where to write about the data; by default the first email address in
 *     {@code server.contact}
 */
public record OpenDataSettings(String licence, String licenceName, String publisher, String contactEmail) {
  public static final OpenDataSettings NONE = new OpenDataSettings(null, null, null, null);
}
