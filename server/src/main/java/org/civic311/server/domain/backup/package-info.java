/**
 * Backups of a SQLite installation in one file: a consistent copy of the live database, the
 * photos, and a manifest that a restore checks the copy against.
 */
package org.civic311.server.domain.backup;
