package org.civic311.server.web;

/**
 * What the web layer needs to know of the configuration; {@code mirrors} names, by jurisdiction
 * id, the source each mirroring jurisdiction copies.
 */
public record ApiSettings(
    String basePath, String publicUrl, int maxBodyBytes, String contact, String keyService, String endpointType,
    java.util.List<String> corsOrigins, long maxMultipartBytes, java.util.Map<String, String> mirrors) {
  public ApiSettings {
    mirrors = mirrors == null ? java.util.Map.of() : java.util.Map.copyOf(mirrors);
  }

  public ApiSettings(String basePath, String publicUrl, int maxBodyBytes, String contact, String keyService,
      String endpointType, java.util.List<String> corsOrigins, long maxMultipartBytes) {
    this(basePath, publicUrl, maxBodyBytes, contact, keyService, endpointType, corsOrigins, maxMultipartBytes, null);
  }

  /** The source this jurisdiction mirrors, or "" when it is not a mirror. */
  public String mirrorOf(String jurisdictionId) {
    return mirrors.getOrDefault(jurisdictionId, "");
  }
}
