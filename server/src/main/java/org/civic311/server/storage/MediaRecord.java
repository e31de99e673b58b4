package org.civic311.server.storage;

/**
 * A photo of a request or update: an upload kept in the media store ({@code mediaKey}, with its
 * type and thumbnail) or a link a client posted ({@code url}).
 */
public record MediaRecord(int position, String mediaKey, String mediaType, String url, String thumbKey) {}
