/**
 * Photos attached to service requests, from the bytes a client sent to a stored, sanitised file.
 *
 * <p>{@link org.civic311.server.media.MediaIntake} is the one entry point: it recognises the type
 * from the bytes alone, enforces the {@link org.civic311.server.media.MediaLimits} (bytes, files,
 * pixels read from the header before anything is decoded), removes metadata that can carry a
 * location, makes a JPEG thumbnail, and stores both in a {@link org.civic311.server.media.MediaStore}
 * under keys derived from the content. Refusals are {@link org.civic311.server.media.MediaRejected}
 * with the part name and a reason the web layer turns into 415 or 413.
 *
 * <p>The package knows nothing of HTTP or the database: the web layer hands it a part name and
 * the part's bytes, and storage of the returned keys is the caller's business.
 */
package org.civic311.server.media;
