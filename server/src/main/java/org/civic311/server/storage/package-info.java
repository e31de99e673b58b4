/**
 * What the application asks of a database, as interfaces and plain records. Implementations
 * live in {@code storage.sql}, one per dialect behind the {@code Dialect} seam. Nothing here
 * knows of HTTP or of the domain rules; it stores and finds.
 */
package org.civic311.server.storage;
