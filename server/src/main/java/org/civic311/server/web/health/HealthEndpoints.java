package org.civic311.server.web.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.civic311.server.domain.health.Readiness;
import org.civic311.server.storage.Replication;
import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Family;
import org.civic311.server.web.OperationsFamily;
import org.civic311.server.web.Routes;

/**
 * {@code GET /health/live}: 200 {@code {"status":"UP"}} while the process answers calls.
 * {@code GET /health/ready}: 200 with every check {@code UP}, or 503 {@code DOWN} naming the
 * check that failed and why; the shape load balancers and Kubernetes probes expect. With
 * database replicas, {@code replicas} says which serve reads ({@code UP} or {@code OUT}, the lag,
 * why one is out) without changing the status: reads then go to the primary. Open to all: they
 * tell no more than up or down, and nothing of the data or of the servers' addresses.
 */
public final class HealthEndpoints {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TYPE = "application/json; charset=utf-8";
  private static final byte[] LIVE = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
  private final Readiness readiness;
  private final OperationsFamily family;
  private final Replication replication;

  public HealthEndpoints(Readiness readiness, OperationsFamily family) {
    this(readiness, family, Replication.NONE);
  }

  /** @param replication the database's replicas, shown beside the checks; they never make the node unready */
  public HealthEndpoints(Readiness readiness, OperationsFamily family, Replication replication) {
    this.readiness = readiness;
    this.family = family;
    this.replication = replication;
  }

  public Family family() {
    return family;
  }

  public void routes(Routes r) {
    r.get("/health/live", family, x -> Answer.of(200, TYPE, LIVE));
    r.get("/health/ready", family, this::ready);
  }

  private Answer ready(Exchange x) {
    Readiness.Report report = readiness.check();
    ObjectNode doc = JSON.createObjectNode();
    doc.put("status", report.up() ? "UP" : "DOWN");
    ObjectNode checks = doc.putObject("checks");
    for (Readiness.Check c : report.checks()) {
      ObjectNode check = checks.putObject(c.name());
      check.put("status", c.up() ? "UP" : "DOWN");
      if (!c.up()) {
        check.put("detail", c.trouble());
      }
    }
    if (replication.enabled()) {
      ObjectNode replicas = doc.putObject("replicas");
      for (Replication.ReplicaState r : replication.replicas()) {
        ObjectNode one = replicas.putObject(r.name());
        one.put("status", r.inRotation() ? "UP" : "OUT");
        if (r.lagSeconds() != null) {
          one.put("lag_seconds", Math.round(r.lagSeconds() * 10) / 10.0);
        }
        if (r.trouble() != null) {
          one.put("detail", r.trouble());
        }
      }
    }
    return Answer.of(report.up() ? 200 : 503, TYPE, doc.toString().getBytes(StandardCharsets.UTF_8));
  }
}
