package org.civic311.server.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Real JPEG and PNG photos made with ImageIO, and ways to look inside them. */
public final class SamplePhotos {
  private SamplePhotos() {
  }

  static BufferedImage picture(int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
    g.fillRect(0, 0, width, height);
    g.setColor(Color.WHITE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    return image;
  }

  public static byte[] jpeg(int width, int height) {
    return jpeg(picture(width, height, BufferedImage.TYPE_INT_RGB), false);
  }

  static byte[] progressiveJpeg(int width, int height) {
    return jpeg(picture(width, height, BufferedImage.TYPE_INT_RGB), true);
  }

  public static byte[] png(int width, int height) {
    return write(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
  }

  /** Decodes with ImageIO, failing the test if no decoder recognises the bytes. */
  public static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new AssertionError("ImageIO found no decoder for these bytes");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JPEG with this segment (marker included) inserted right after SOI. */
  public static byte[] withSegmentAfterSoi(byte[] jpeg, byte[] segment) {
    return Bytes.concat(Bytes.slice(jpeg, 0, 2), segment, Bytes.slice(jpeg, 2, jpeg.length));
  }

  /** A segment with this marker and payload, length field included. */
  static byte[] segment(int marker, byte[] payload) {
    int length = payload.length + 2;
    return Bytes.concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
  }

  /** The markers of a JPEG's segments up to and including the first SOS, read independently. */
  static List<Integer> markersUpToScan(byte[] jpeg) {
    List<Integer> markers = new ArrayList<>();
    int at = 2;
    while (at + 4 <= jpeg.length) {
      int marker = jpeg[at + 1] & 0xFF;
      markers.add(marker);
      if (marker == 0xDA) {
        break;
      }
      at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
    }
    return markers;
  }

  private static byte[] jpeg(BufferedImage image, boolean progressive) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (progressive) {
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static byte[] write(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
