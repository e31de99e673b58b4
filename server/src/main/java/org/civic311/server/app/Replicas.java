package org.civic311.server.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.civic311.server.config.DatabaseSettings;
import org.civic311.server.config.ReplicaSettings;
import org.civic311.server.storage.sql.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the configured database with the replicas that serve its public reads, if any. */
final class Replicas {
  private static final Logger LOG = LoggerFactory.getLogger(Replicas.class);

  private Replicas() {}

  static Database open(DatabaseSettings d) {
    if (d.replicas().isEmpty()) {
      return Database.open(d.url(), d.user(), d.password());
    }
    List<Database.ReplicaAddress> addresses = new ArrayList<>();
    for (int i = 0; i < d.replicas().size(); i++) {
      ReplicaSettings r = d.replicas().get(i);
      addresses.add(new Database.ReplicaAddress(r.nameAt(i), r.url(), r.userOr(d), r.passwordOr(d)));
    }
    LOG.info("public reads may go to {} replica(s) lagging at most {} s: {}", addresses.size(),
        d.replicaMaxLagSeconds(), addresses.stream().map(Database.ReplicaAddress::name).toList());
    return Database.open(d.url(), d.user(), d.password(), addresses, Duration.ofSeconds(d.replicaMaxLagSeconds()));
  }
}
