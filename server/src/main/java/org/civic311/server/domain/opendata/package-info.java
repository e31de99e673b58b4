/**
 * Open data: what the city publishes of its 311 record in bulk (downloads, feeds, the data
 * catalogue), always exactly what the public API shows and nothing more.
 */
package org.civic311.server.domain.opendata;
