package org.civic311.server.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the small JPEG shown in lists: at most {@link #LONGEST_SIDE} pixels on its longest side,
 * aspect kept, turned upright, transparency flattened on white.
 *
 * <p>Decoding goes through ImageIO, which reads JPEG and PNG, and WebP with the TwelveMonkeys
 * plug-in on the class path. No decoder for HEIC exists on Maven Central, so HEIC photos get no
 * thumbnail; a decoder that registers with ImageIO for {@code image/heic} would be used as is.
 * A photo whose decoder fails also gets none: it is still stored, since its structure was checked.
 *
 * <p>Memory: the caller has checked the declared size against the limits; the decoder's own view
 * of the size is checked again here, and the image is read with subsampling so that a 40-megapixel
 * photo is decoded at about twice the thumbnail's size, never whole. Streams stay in memory, so
 * ImageIO's disk cache is never used. Thread-safe: each call uses its own reader and writer.
 */
final class Thumbnailer {
  static final int LONGEST_SIDE = 320;
  private static final float QUALITY = 0.85f;
  /**
   * The WebP decoder's bit reader reads eight bytes ahead; with fewer left it takes a slow path
   * that throws and catches an exception for every symbol. A crafted lossless file whose pixels
   * cost no bits at all sits on that path for every pixel: about a minute for 10 megapixels. Zero
   * bytes after the data, which the RIFF chunk sizes keep out of the image, avoid it.
   */
  private static final int WEBP_READ_AHEAD = 8;
  private static final Logger LOG = LoggerFactory.getLogger(Thumbnailer.class);

  /** The thumbnail as JPEG bytes, or empty when no decoder can read this type or these bytes. */
  Optional<byte[]> thumbnail(byte[] image, MediaType type, Dimensions declared, int orientation) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mimeType());
    if (!readers.hasNext()) {
      return Optional.empty();
    }
    ImageReader reader = readers.next();
    byte[] input = type == MediaType.WEBP ? Arrays.copyOf(image, image.length + WEBP_READ_AHEAD) : image;
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(input))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width > declared.width() || height > declared.height()) {
        throw new BrokenImage("decodes to a larger size than its header declares");
      }
      ImageReadParam param = reader.getDefaultReadParam();
      int step = Math.max(1, Math.max(width, height) / (2 * LONGEST_SIDE));
      param.setSourceSubsampling(step, step, 0, 0);
      BufferedImage decoded = reader.read(0, param);
      return Optional.of(encode(upright(scaled(decoded), orientation)));
    } catch (BrokenImage e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      LOG.info("No thumbnail: the {} decoder could not read the photo ({})", type, e.toString());
      return Optional.empty();
    } finally {
      reader.dispose();
    }
  }

  /**
   * Scales down in halving steps with bilinear filtering: one bilinear step from a much larger
   * image samples too few source pixels and aliases; halving steps approach area averaging.
   */
  private static BufferedImage scaled(BufferedImage source) {
    int longest = Math.max(source.getWidth(), source.getHeight());
    double ratio = Math.min(1.0, (double) LONGEST_SIDE / longest);
    int targetWidth = Math.max(1, (int) Math.round(source.getWidth() * ratio));
    int targetHeight = Math.max(1, (int) Math.round(source.getHeight() * ratio));
    BufferedImage current = opaque(source, source.getWidth(), source.getHeight());
    while (current.getWidth() != targetWidth || current.getHeight() != targetHeight) {
      int w = Math.max(targetWidth, current.getWidth() / 2);
      int h = Math.max(targetHeight, current.getHeight() / 2);
      current = opaque(current, w, h);
    }
    return current;
  }

  /** Draws onto an RGB canvas of this size over white, which also drops any alpha channel. */
  private static BufferedImage opaque(BufferedImage source, int width, int height) {
    BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
          RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  /** Applies an EXIF orientation (1 to 8) so the pixels stand as the photographer saw them. */
  static BufferedImage upright(BufferedImage image, int orientation) {
    int w = image.getWidth();
    int h = image.getHeight();
    // Each maps a stored pixel to where it is shown: flips, half turns, quarter turns.
    AffineTransform t = switch (orientation) {
      case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
      case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
      case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
      case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
      case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
      case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
      case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
      default -> null;
    };
    if (t == null) {
      return image;
    }
    boolean quarter = orientation >= 5;
    BufferedImage turned =
        new BufferedImage(quarter ? h : w, quarter ? w : h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = turned.createGraphics();
    try {
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return turned;
  }

  private static byte[] encode(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByMIMEType("image/jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
