package org.civic311.server.web;

/** What the web layer needs to know of the configuration. */
public record ApiSettings(
    String basePath, String publicUrl, int maxBodyBytes, String contact, String keyService, String endpointType,
    java.util.List<String> corsOrigins, long maxMultipartBytes) {}
