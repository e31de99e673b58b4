package org.civic311.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplicaSettingsTest {
  private static final String PRIMARY = """
      database:
        url: jdbc:postgresql://db1:5432/civic311
        user: civic311
        password: secret
      """;

  @Test
  void replicasInheritThePrimarysCredentialsAndAreNamedByPlace() {
    Configuration c = ConfigurationLoader.parse(PRIMARY + """
          replicas:
            - url: jdbc:postgresql://db2:5432/civic311
            - url: jdbc:postgresql://db3:5432/civic311
              user: reader
              password: other
              name: east
          replica_max_lag_seconds: 5
        """ + ConfigurationLoaderTest.GOOD, "c.yaml");
    DatabaseSettings d = c.database();
    assertThat(d.replicaMaxLagSeconds()).isEqualTo(5);
    ReplicaSettings first = d.replicas().get(0);
    assertThat(first.nameAt(0)).isEqualTo("replica-1");
    assertThat(first.userOr(d)).isEqualTo("civic311");
    assertThat(first.passwordOr(d)).isEqualTo("secret");
    ReplicaSettings second = d.replicas().get(1);
    assertThat(second.nameAt(1)).isEqualTo("east");
    assertThat(second.userOr(d)).isEqualTo("reader");
    assertThat(second.passwordOr(d)).isEqualTo("other");
    assertThat(d.toString()).doesNotContain("secret").doesNotContain("other");
  }

  @Test
  void withoutReplicasTheDefaultsAreNoneAndTenSeconds() {
    DatabaseSettings d = ConfigurationLoader.parse(PRIMARY + ConfigurationLoaderTest.GOOD, "c.yaml").database();
    assertThat(d.replicas()).isEmpty();
    assertThat(d.replicaMaxLagSeconds()).isEqualTo(10);
  }

  @Test
  void sqliteWithReplicasIsAnErrorThatSaysWhy() {
    String sqlite = """
        database:
          url: jdbc:sqlite:civic311.db
          replicas:
            - url: jdbc:postgresql://db2:5432/civic311
        """;
    assertThatThrownBy(() -> ConfigurationLoader.parse(sqlite + ConfigurationLoaderTest.GOOD, "c.yaml"))
        .hasMessageContaining("line 3 (database.replicas): replicas are for PostgreSQL");
  }

  @Test
  void aReplicaNeedsAPostgresUrlOtherThanThePrimarysAndAUniqueName() {
    String bad = PRIMARY + """
          replicas:
            - url: http://db2/
            - url: jdbc:postgresql://db1:5432/civic311
            - url: jdbc:postgresql://db3:5432/civic311
              name: replica-1
            - url: jdbc:postgresql://db4:5432/civic311
              name: "no spaces"
          replica_max_lag_seconds: 0
        """;
    assertThatThrownBy(() -> ConfigurationLoader.parse(bad + ConfigurationLoaderTest.GOOD, "c.yaml"))
        .hasMessageContaining("(database.replicas[0].url): a replica needs a url such as jdbc:postgresql://")
        .hasMessageContaining("(database.replicas[1].url): is the primary's own url")
        .hasMessageContaining("(database.replicas[2].name): another replica is already called 'replica-1'")
        .hasMessageContaining("(database.replicas[3].name): a replica's name is 1 to 40 letters")
        .hasMessageContaining("(database.replica_max_lag_seconds): replica_max_lag_seconds must be between 1 and 3600");
  }
}
