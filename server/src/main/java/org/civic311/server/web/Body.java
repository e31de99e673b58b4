package org.civic311.server.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.civic311.georeport.FormDecoder;
import org.civic311.georeport.ParameterException;
import org.civic311.georeport.Parameters;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;

/** A call's body once read: url-encoded bytes, or multipart parts (photos possibly on disk). */
final class Body implements AutoCloseable {
  static final Body NONE = new Body(new byte[0], null);

  private final byte[] form;
  private final MultiPartFormData.Parts parts;
  private List<String[]> multipartFields;

  private Body(byte[] form, MultiPartFormData.Parts parts) {
    this.form = form;
    this.parts = parts;
  }

  static Body form(byte[] bytes) {
    return new Body(bytes, null);
  }

  static Body multipart(MultiPartFormData.Parts parts) {
    return new Body(new byte[0], parts);
  }

  /** Adds the body's fields (not its files) to {@code into}. */
  void fields(Parameters.Builder into) {
    if (parts == null) {
      FormDecoder.decode(form, into);
      return;
    }
    if (multipartFields == null) {
      List<String[]> found = new ArrayList<>();
      for (MultiPart.Part part : parts) {
        if (part.getName() != null && part.getFileName() == null) {
          found.add(new String[] {part.getName(), utf8(part.getName(), part)});
        }
      }
      multipartFields = found;
    }
    for (String[] f : multipartFields) {
      into.add(f[0], f[1]);
    }
  }

  /** The photo parts: file parts with a photo's name. */
  List<Upload> uploads() {
    List<Upload> out = new ArrayList<>();
    if (parts != null) {
      for (MultiPart.Part part : parts) {
        if (part.getName() != null && part.getFileName() != null && isPhotoPart(part.getName())) {
          out.add(new Upload(part));
        }
      }
    }
    return out;
  }

  /** True when the body is multipart (it may carry photos). */
  boolean multipart() {
    return parts != null;
  }

  /** The part names clients use for photos: media, media[], photo1..., file_* (FixMyStreet). */
  static boolean isPhotoPart(String name) {
    return name.equals("media") || name.equals("media[]") || name.matches("photo\\d*") || name.startsWith("file_");
  }

  private static String utf8(String name, MultiPart.Part part) {
    try {
      ByteBuffer bytes = Content.Source.asByteBuffer(part.getContentSource());
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw new ParameterException(name, "parameter '" + name + "' is not valid UTF-8");
    } catch (java.io.IOException e) {
      throw new Failure(400, "parameter '" + name + "' could not be read");
    }
  }

  /** Deletes whatever the parts keep on disk. */
  @Override
  public void close() {
    if (parts != null) {
      parts.close();
    }
  }
}
