/**
 * Whether this node can serve: the readiness checks (database, migrations, writer) run with a
 * deadline, never cached, one run of each check at a time however often probes ask.
 */
package org.civic311.server.domain.health;
