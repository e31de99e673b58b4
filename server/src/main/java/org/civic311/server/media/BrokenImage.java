package org.civic311.server.media;

/**
 * The bytes start like an image of a known type but their structure is broken or uses a form
 * this package does not handle safely. The message completes "the image ..." and is shown to the
 * client by way of {@link MediaRejected}.
 */
final class BrokenImage extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BrokenImage(String message) {
    super(message);
  }
}
