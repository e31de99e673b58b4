package org.civic311.server.config;

/**
 * Which database to use: a JDBC URL (default {@code jdbc:sqlite:civic311.db}, a file in the
 * working directory) and, for server databases, the user and password.
 */
public record DatabaseSettings(String url, String user, String password) {
  public static final String DEFAULT_URL = "jdbc:sqlite:civic311.db";

  public DatabaseSettings {
    url = url == null || url.isBlank() ? DEFAULT_URL : url;
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
  }
}
