/**
 * {@code /metrics} in the Prometheus text format, for the addresses (and token) the
 * configuration allows. What is measured is registered elsewhere: the requests at the front
 * door, the pools and the writer in storage, the JVM and the mail in the app.
 */
package org.civic311.server.web.metrics;
