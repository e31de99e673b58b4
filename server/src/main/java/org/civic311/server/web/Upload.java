package org.civic311.server.web;

import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * A file part of a multipart body that may carry a photo. Parts past a few kilobytes wait in a
 * temporary file, so a body costs disk, not heap, until its photos are taken in one by one; the
 * file is deleted when the call ends.
 */
public final class Upload {
  private final MultiPart.Part part;

  Upload(MultiPart.Part part) {
    this.part = part;
  }

  public String partName() {
    return part.getName();
  }

  public long length() {
    return part.getLength();
  }

  /** The part's bytes, read now. */
  public byte[] bytes() {
    try (InputStream in = Content.Source.asInputStream(part.createContentSource())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new Failure(400, "the photo '" + partName() + "' could not be read");
    }
  }
}
