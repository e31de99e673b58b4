package org.civic311.server.media;

/** The size of an image in pixels as its header declares it, before any rotation for display. */
record Dimensions(long width, long height) {

  long pixels() {
    return width * height;
  }

  long longestSide() {
    return Math.max(width, height);
  }

  /** The size as displayed under an EXIF orientation: 5 to 8 turn the image a quarter. */
  Dimensions displayed(int orientation) {
    return orientation >= 5 && orientation <= 8 ? new Dimensions(height, width) : this;
  }
}
