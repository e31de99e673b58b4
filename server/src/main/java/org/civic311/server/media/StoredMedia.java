package org.civic311.server.media;

/**
 * A file in a {@link MediaStore}.
 *
 * @param key the content-derived key: 64 lower-case hex digits of the SHA-256 of the bytes, with
 *     {@code -thumb} appended for a thumbnail (see {@link MediaKey})
 * @param type what the bytes are; thumbnails are always {@link MediaType#JPEG}
 * @param length the size in bytes
 */
public record StoredMedia(String key, MediaType type, long length) {
}
