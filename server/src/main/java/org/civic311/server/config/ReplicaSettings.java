package org.civic311.server.config;

/**
 * A streaming standby of the PostgreSQL primary (one entry of {@code database.replicas}).
 *
 * @param url      its JDBC URL ({@code jdbc:postgresql://HOST:PORT/DATABASE}, the primary's database)
 * @param user     who signs in; the primary's user when not given
 * @param password the primary's password when not given
 * @param name     what logs, metrics and {@code /health/ready} call it (default {@code replica-N},
 *                 N counting from 1 in the list); the address itself is never shown
 */
public record ReplicaSettings(String url, String user, String password, String name) {

  /** Its name, or {@code replica-N} when it has none and is the {@code index}-th (from 0) in the list. */
  public String nameAt(int index) {
    return name != null && !name.isBlank() ? name : "replica-" + (index + 1);
  }

  /** Its user, else the primary's. */
  public String userOr(DatabaseSettings primary) {
    return user != null ? user : primary.user();
  }

  /** Its password, else the primary's. */
  public String passwordOr(DatabaseSettings primary) {
    return password != null ? password : primary.password();
  }
  @Override
  public String toString() {
    return "ReplicaSettings[name=" + name + ", url=" + url + ", user=" + user + ", password="
        + (password == null ? "none" : "***") + "]";
  }
}
