package org.civic311.client;

import java.util.Objects;

/**
 * A photo to send with a request or an update, as one part of a multipart POST.
 *
 * @param fileName    the file name sent in the part, such as {@code pothole.jpg}
 * @param contentType the photo's type, such as {@code image/jpeg}
 * @param bytes       the photo; not copied, so do not change it after handing it over
 */
public record Photo(String fileName, String contentType, byte[] bytes) {
  public Photo {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(bytes, "bytes");
    if (fileName.contains("\"") || fileName.contains("\r") || fileName.contains("\n")) {
      throw new IllegalArgumentException("fileName must not hold quotes or line breaks");
    }
  }
}
