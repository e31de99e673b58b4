/**
 * Bringing another system's 311 history in: readers for NYC Open Data's Service Requests CSV,
 * the six cities' GeoReport samples and any CSV described by a mapping file, each turning a row
 * into an {@link org.civic311.server.storage.ImportedRequest}; {@link org.civic311.server.domain.imports.Importer}
 * writes them in batches, sets rejected rows aside and counts what happened.
 */
package org.civic311.server.domain.imports;
