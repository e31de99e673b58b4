/**
 * Wiring: turns a validated configuration into a running application (database, domain,
 * web server). Commands call into here; nothing here parses command lines.
 */
package org.civic311.server.app;
