package org.civic311.server.config;

import java.util.List;

/**
 * Which database to use: a JDBC URL (default {@code jdbc:sqlite:civic311.db}, a file in the
 * working directory) and, for server databases, the user and password.
 *
 * @param replicas             PostgreSQL streaming standbys that serve the public reads (default
 *                             none); see docs/OPERATIONS.md
 * @param replicaMaxLagSeconds a replica further behind the primary than this is out of rotation
 *                             until it is back within half of it (default 10)
 */
public record DatabaseSettings(String url, String user, String password, List<ReplicaSettings> replicas,
    Integer replicaMaxLagSeconds) {
  public static final String DEFAULT_URL = "jdbc:sqlite:civic311.db";

  public DatabaseSettings {
    url = url == null || url.isBlank() ? DEFAULT_URL : url;
    replicas = replicas == null ? List.of() : List.copyOf(replicas);
    replicaMaxLagSeconds = replicaMaxLagSeconds == null ? 10 : replicaMaxLagSeconds;
  }

  public DatabaseSettings(String url, String user, String password) {
    this(url, user, password, null, null);
  }

  /** The same replicas beside another primary (or the same one with other credentials). */
  public DatabaseSettings withPrimary(String url, String user, String password) {
    return new DatabaseSettings(url, user, password, replicas, replicaMaxLagSeconds);
  }

  /** A copy with these replicas. */
  public DatabaseSettings withReplicas(List<ReplicaSettings> replicas, int maxLagSeconds) {
    return new DatabaseSettings(url, user, password, replicas, maxLagSeconds);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***")
        + ", replicas=" + replicas + "]";
  }
}
