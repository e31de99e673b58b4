package org.civic311.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes a photo-like JPEG (shapes over a gradient, with sensor-like noise) of about the size
 * asked for, growing the picture until the encoded file reaches it. Same seed, same bytes.
 *
 * <p>Usage: {@code SearchImage FILE TARGET_BYTES}; prints {@code bytes=N width=W height=H}.
 */
public final class SearchImage {
  private SearchImage() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int target = Integer.parseInt(args[1]);
    byte[] jpeg = null;
    int width = 320;
    for (; width <= 4096; width += 32) {
      jpeg = encode(picture(width, width * 3 / 4));
      if (jpeg.length >= target) {
        break;
      }
    }
    Files.write(file, jpeg);
    System.out.printf("bytes=%d width=%d height=%d%n", jpeg.length, width, width * 3 / 4);
  }

  private static BufferedImage picture(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    Random r = new Random(42);
    for (int y = 0; y < h; y++) {
      g.setColor(new Color(90 + 100 * y / h, 120 + 60 * y / h, 200 - 80 * y / h));
      g.drawLine(0, y, w, y);
    }
    for (int k = 0; k < 60; k++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
      g.fillRect(r.nextInt(w), r.nextInt(h), 10 + r.nextInt(w / 4), 10 + r.nextInt(h / 4));
    }
    g.dispose();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = img.getRGB(x, y);
        int n = r.nextInt(25) - 12;
        int red = clamp(((rgb >> 16) & 255) + n);
        int green = clamp(((rgb >> 8) & 255) + n);
        int blue = clamp((rgb & 255) + n);
        img.setRGB(x, y, (red << 16) | (green << 8) | blue);
      }
    }
    return img;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static byte[] encode(BufferedImage img) throws Exception {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.85f);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(img, null, null), param);
    }
    writer.dispose();
    return out.toByteArray();
  }
}
