package org.civic311.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Real JPEG photos for the upload flood of {@code bench/hostile}, as large as a phone's: soft
 * colour waves under per-pixel noise, so that they do not compress to nothing (3000 x 2000 at
 * quality 0.92 gives about 3 MB). Each photo has its own seed, so their bytes (and the server's
 * content-addressed keys) differ.
 *
 * <p>Usage: {@code NoisyPhotos DIR COUNT WIDTH HEIGHT}; writes DIR/photo-1.jpg ... and prints
 * one {@code file bytes} line each.
 */
public final class NoisyPhotos {
  private static final double NOISE = 16;
  private static final float QUALITY = 0.92f;

  private NoisyPhotos() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    int width = Integer.parseInt(args[2]);
    int height = Integer.parseInt(args[3]);
    Files.createDirectories(dir);
    for (int i = 1; i <= count; i++) {
      Path file = dir.resolve("photo-" + i + ".jpg");
      write(photo(width, height, new Random(311L * i)), file);
      System.out.println(file + " " + Files.size(file));
    }
  }

  private static BufferedImage photo(int width, int height, Random random) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    double fx = 40 + random.nextInt(80);
    double fy = 30 + random.nextInt(60);
    double phase = random.nextDouble() * Math.PI * 2;
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double wave = 128 + 60 * Math.sin(x / fx + y / fy + phase);
        int r = clamp(wave + random.nextGaussian() * NOISE);
        int g = clamp(wave * 0.8 + 40 + random.nextGaussian() * NOISE);
        int b = clamp(200 - wave * 0.5 + random.nextGaussian() * NOISE);
        row[x] = r << 16 | g << 8 | b;
      }
      image.setRGB(0, y, width, 1, row, 0, width);
    }
    return image;
  }

  private static void write(BufferedImage image, Path file) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(QUALITY);
    Files.deleteIfExists(file);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, v));
  }
}
