package org.civic311.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMediaStoreTest {
  @TempDir
  Path temp;

  @Test
  void theSameBytesStoredTwiceGiveOneFile() throws Exception {
    FileMediaStore store = new FileMediaStore(temp.resolve("media"));
    byte[] photo = SamplePhotos.jpeg(40, 30);

    StoredMedia first = store.put(photo, MediaType.JPEG);
    StoredMedia second = store.put(photo.clone(), MediaType.JPEG);

    assertThat(second).isEqualTo(first);
    assertThat(files(temp)).hasSize(1);
  }

  @Test
  void theKeyIsTheSha256OfTheBytesInLowerCaseHex() throws Exception {
    FileMediaStore store = new FileMediaStore(temp);
    byte[] photo = SamplePhotos.png(40, 30);

    StoredMedia stored = store.put(photo, MediaType.PNG);

    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
    assertThat(stored.key()).isEqualTo(expected);
    assertThat(stored.type()).isEqualTo(MediaType.PNG);
    assertThat(stored.length()).isEqualTo(photo.length);
  }

  @Test
  void filesLandOnlyUnderTheDirectoryInTwoLevelsTakenFromTheKey() throws Exception {
    Path directory = temp.resolve("media");
    FileMediaStore store = new FileMediaStore(directory);

    String key = store.put(SamplePhotos.jpeg(40, 30), MediaType.JPEG).key();
    String thumbnail = store.putThumbnail(key, SamplePhotos.jpeg(4, 3)).key();

    Path folder = directory.resolve(key.substring(0, 2)).resolve(key.substring(2, 4));
    assertThat(thumbnail).isEqualTo(key + "-thumb");
    assertThat(files(temp)).containsExactlyInAnyOrder(
        folder.resolve(key + ".jpg"), folder.resolve(key + "-thumb.jpg"));
  }

  @Test
  void whatWasStoredCanBeFoundAndRead() throws Exception {
    FileMediaStore store = new FileMediaStore(temp);
    byte[] photo = SampleWebp.lossless(30, 20);
    String key = store.put(photo, MediaType.WEBP).key();

    assertThat(store.get(key)).contains(new StoredMedia(key, MediaType.WEBP, photo.length));
    try (InputStream in = store.open(key).orElseThrow()) {
      assertThat(in.readAllBytes()).isEqualTo(photo);
    }
  }

  @Test
  void anUnknownKeyFindsNothing() {
    FileMediaStore store = new FileMediaStore(temp);
    String unknown = "0".repeat(64);

    assertThat(store.get(unknown)).isEmpty();
    assertThat(store.open(unknown)).isEmpty();
    assertThat(store.get(unknown + "-thumb")).isEmpty();
  }

  @Test
  void keysWithPathTricksAreRefusedBeforeAnyPathIsBuilt() throws Exception {
    Path directory = temp.resolve("media");
    FileMediaStore store = new FileMediaStore(directory);
    String key = store.put(SamplePhotos.jpeg(40, 30), MediaType.JPEG).key();
    Files.writeString(temp.resolve("secret.jpg"), "not for you");

    List<String> tricks = List.of("../secret", "../../etc/passwd", "/etc/passwd", "..\\..\\secret",
        key + "\0", key + "\0.jpg", key.toUpperCase(), key.substring(1), key + "0", "",
        key.substring(0, 2) + "/" + key.substring(2, 4) + "/" + key, key + "/../" + key,
        key + "-thumb/..", key + "-thumb.jpg", key + ".jpg", key + "\n", " " + key);
    for (String trick : tricks) {
      assertThatThrownBy(() -> store.get(trick)).as(trick).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.open(trick)).as(trick).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.get(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.putThumbnail("../secret", SamplePhotos.jpeg(4, 3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.get(key)).isPresent();
  }

  @Test
  void bytesThatAreNotOfTheDeclaredTypeAreNotStored() throws Exception {
    FileMediaStore store = new FileMediaStore(temp);

    assertThatThrownBy(() -> store.put(SamplePhotos.png(4, 3), MediaType.JPEG))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.putThumbnail("0".repeat(64), SamplePhotos.png(4, 3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(files(temp)).isEmpty();
  }

  @Test
  void aThumbnailHasNoThumbnailOfItsOwn() {
    assertThatThrownBy(() -> MediaKey.thumbnailOf("a".repeat(64) + "-thumb"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MediaKey.thumbnailOf("a".repeat(64))).isEqualTo("a".repeat(64) + "-thumb");
    assertThat(MediaKey.isValid("a".repeat(64) + "-thumb")).isTrue();
    assertThat(MediaKey.isValid("g".repeat(64))).isFalse();
  }

  private static List<Path> files(Path directory) throws Exception {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}
