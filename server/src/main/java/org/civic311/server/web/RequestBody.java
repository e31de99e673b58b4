package org.civic311.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import org.civic311.georeport.FormDecoder;
import org.civic311.georeport.ParameterException;
import org.civic311.georeport.Parameters;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Request;

/**
 * Reads a POST body into parameters: {@code application/x-www-form-urlencoded} or
 * {@code multipart/form-data}, never more than the configured limit (413 beyond it), any other
 * type refused with 415. File parts are not parameters and are left out here.
 */
public final class RequestBody {
  /** Bodies up to this many times the limit are read and dropped before the 413 is sent. */
  static final int DRAIN_FACTOR = 8;
  private RequestBody() {}

  /** A file part of a multipart body that may carry a photo. */
  public record Upload(String partName, byte[] bytes) {}

  /**
   * Reads the body's parameters into {@code into} and returns its photo parts. Form bodies may
   * be {@code maxBytes} long, multipart bodies (which carry photos) {@code maxMultipartBytes}.
   */
  public static java.util.List<Upload> read(Request request, int maxBytes, long maxMultipartBytes,
      Parameters.Builder into) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    if (multipart) {
      maxBytes = (int) Math.min(Integer.MAX_VALUE - 16, maxMultipartBytes);
    }
    long declared = request.getLength();
    if (declared > maxBytes) {
      throw tooLarge(request, maxBytes);
    }
    String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mime.isEmpty() && !mime.equals("application/x-www-form-urlencoded") && !mime.equals("multipart/form-data")) {
      throw new ApiFailure(415, "Content-Type '" + mime + "' is not accepted: send"
          + " application/x-www-form-urlencoded or multipart/form-data");
    }
    if (type != null && mime.equals("application/x-www-form-urlencoded")) {
      String charset = charset(type);
      if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
        throw new ApiFailure(415, "charset '" + charset + "' is not accepted: GeoReport bodies are UTF-8");
      }
    }
    byte[] body = readAll(request, maxBytes);
    if (mime.equals("multipart/form-data")) {
      return multipart(type, body, maxBytes, into);
    } else if (mime.isEmpty() && body.length > 0) {
      throw new ApiFailure(415, "a body needs a Content-Type: application/x-www-form-urlencoded or"
          + " multipart/form-data");
    }
    FormDecoder.decode(body, into);
    return java.util.List.of();
  }

  /** The part names clients use for photos: media, media[], photo1..., file_* (FixMyStreet). */
  static boolean isPhotoPart(String name) {
    return name.equals("media") || name.equals("media[]") || name.matches("photo\\d*") || name.startsWith("file_");
  }

  private static String charset(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      if (p.startsWith("charset=")) {
        return p.substring(8).replace("\"", "").trim();
      }
    }
    return null;
  }

  private static byte[] readAll(Request request, int maxBytes) {
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw tooLarge(request, maxBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw new ApiFailure(400, "the request body could not be read: " + e.getMessage());
    }
  }

  private static java.util.List<Upload> multipart(String contentType, byte[] body, int maxBytes,
      Parameters.Builder into) {
    java.util.List<Upload> uploads = new java.util.ArrayList<>();
    String boundary = MultiPart.extractBoundary(contentType);
    if (boundary == null || boundary.isEmpty()) {
      throw new ApiFailure(400, "multipart/form-data needs a boundary in its Content-Type");
    }
    MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
    parser.setMaxLength(maxBytes);
    parser.setMaxMemoryFileSize(maxBytes);
    parser.setMaxParts(1000);
    try (MultiPartFormData.Parts parts = parser.parse(new ByteBufferContentSource(ByteBuffer.wrap(body))).get()) {
      for (MultiPart.Part part : parts) {
        if (part.getName() == null) {
          continue;
        }
        ByteBuffer bytes = Content.Source.asByteBuffer(part.getContentSource());
        if (part.getFileName() != null) {
          if (isPhotoPart(part.getName())) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            uploads.add(new Upload(part.getName(), copy));
          }
          continue;
        }
        into.add(part.getName(), utf8(part.getName(), bytes));
      }
      return uploads;
    } catch (ExecutionException e) {
      throw new ApiFailure(400, "the multipart/form-data body is malformed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiFailure(503, "the server is shutting down");
    } catch (IOException e) {
      throw new ApiFailure(400, "the multipart/form-data body could not be read");
    }
  }

  private static String utf8(String name, ByteBuffer bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw new ParameterException(name, "parameter '" + name + "' is not valid UTF-8");
    }
  }

  /**
   * A 413. A client sends its whole body before it reads the answer, so a body that is not much
   * larger than the limit is read and dropped first: answering and closing while it still
   * arrives would reset the connection and the client would never see the 413. Beyond
   * {@link #DRAIN_FACTOR} times the limit the connection is closed instead (the reply says so).
   */
  private static ApiFailure tooLarge(Request request, int maxBytes) {
    long cap = (long) maxBytes * DRAIN_FACTOR;
    long declared = request.getLength();
    if (declared < 0 || declared <= cap) {
      try (InputStream in = Content.Source.asInputStream(request)) {
        long skipped = 0;
        byte[] sink = new byte[8192];
        int n;
        while (skipped <= cap && (n = in.read(sink)) >= 0) {
          skipped += n;
        }
      } catch (IOException e) {
        // The client went away; nothing is left to answer.
      }
    }
    return new ApiFailure(413, "the request body is larger than the limit of " + maxBytes + " bytes");
  }
}
