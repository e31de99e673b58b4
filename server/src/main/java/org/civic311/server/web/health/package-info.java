/**
 * The health probes over HTTP: {@code /health/live} (the process answers) and
 * {@code /health/ready} (it can serve: see {@code domain.health.Readiness}), as JSON for load
 * balancers and Kubernetes-style probes.
 */
package org.civic311.server.web.health;
