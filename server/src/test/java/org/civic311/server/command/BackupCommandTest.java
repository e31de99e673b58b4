package org.civic311.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.ConfigurationLoader;
import org.civic311.server.config.DatabaseSettings;
import org.civic311.server.config.MediaSettings;
import org.civic311.server.media.SamplePhotos;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Commands;
import org.civic311.server.testing.Commands.Run;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} of a live server under write load, and {@code restore} into a new place: every
 * request answered before the backup began is back, with its photos, and nothing is half there.
 */
class BackupCommandTest {
  static final int WRITERS = 3;

  record Written(String id, String description, long answeredAt) {}

  @Test
  void aBackupTakenWhileClientsWriteRestoresEveryRequestCommittedBeforeItAndThePhotos(@TempDir Path dir)
      throws Exception {
    DatabaseSettings live = new DatabaseSettings("jdbc:sqlite:" + dir.resolve("live.db"), null, null);
    Configuration config = ConfigurationLoader.validate(TestConfig.city().build(live), "test");
    Path media = Path.of(config.media().directory());
    Path archive = dir.resolve("civic311-backup.zip");
    Map<String, byte[]> photos = new LinkedHashMap<>();
    List<Written> before;
    ConcurrentLinkedQueue<Written> written = new ConcurrentLinkedQueue<>();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    Run backup;
    long started;
    long ended;
    try (Application app = Application.start(config, "127.0.0.1")) {
      Http http = new Http(app.port());
      for (int i = 0; i < 6; i++) {
        Answer a = withPhoto(http, "photo probe " + i, SamplePhotos.jpeg(40 + i, 30));
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        String id = a.json().get(0).get("service_request_id").asText();
        String url = http.get(Http.API + "/requests/" + id + ".json").json().get(0).get("media_url").asText();
        String path = url.substring(url.indexOf("/media/"));
        photos.put(path, http.get(path).body());
        written.add(new Written(id, "photo probe " + i, System.nanoTime()));
      }
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          for (int n = 0; !stop.get(); n++) {
            String description = "load " + writer + "-" + n;
            Answer a = http.postForm(Http.API + "/requests.json", Http.form("api_key", TestConfig.KEY,
                "service_code", "POT", "address_string", n + " Load St", "description", description));
            if (a.status() != 200) {
              failures.add(a.status() + " " + a.text());
            } else {
              written.add(new Written(a.json().get(0).get("service_request_id").asText(), description,
                  System.nanoTime()));
            }
          }
        }));
      }
      while (written.size() < 150) {
        Thread.sleep(20);
      }
      started = System.nanoTime();
      backup = Commands.run("backup", "--database", live.url(), "--media", media.toString(), "--to",
          archive.toString());
      ended = System.nanoTime();
      Thread.sleep(200);
      stop.set(true);
      for (Future<?> f : writers) {
        f.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
      before = written.stream().filter(x -> x.answeredAt() < started).toList();
    }
    assertThat(backup.code()).as(backup.err()).isZero();
    assertThat(backup.hasStackTrace()).isFalse();
    assertThat(backup.out()).contains("Backed up").contains(photos.size() * 2 + " media files");
    assertThat(backup.err()).contains("copying the database", "checking the copy");
    assertThat(failures).as("the server kept answering writes during the backup").isEmpty();
    long during = written.stream().filter(x -> x.answeredAt() >= started && x.answeredAt() < ended).count();
    System.out.printf("backup under load: %d requests answered before it, %d during it (%d ms)%n", before.size(),
        during, (ended - started) / 1_000_000);

    Path place = dir.resolve("restored");
    DatabaseSettings restoredDb = new DatabaseSettings("jdbc:sqlite:" + place.resolve("civic311.db"), null, null);
    Path restoredMedia = place.resolve("media");
    Run restore = Commands.run("restore", "--database", restoredDb.url(), "--media", restoredMedia.toString(),
        "--from", archive.toString());
    assertThat(restore.code()).as(restore.err()).isZero();
    assertThat(restore.out()).contains("Restored").contains("integrity checked");

    Configuration restored = ConfigurationLoader.validate(TestConfig.city().build(restoredDb), "test")
        .withMedia(new MediaSettings(restoredMedia.toString(), 2L * 1024 * 1024, 3));
    try (Application app = Application.start(restored, "127.0.0.1")) {
      Http http = new Http(app.port());
      for (Written w : before) {
        Answer a = http.get(Http.API + "/requests/" + w.id() + ".json");
        assertThat(a.status()).as("request " + w.id() + " answered before the backup").isEqualTo(200);
        assertThat(a.json().get(0).get("description").asText()).isEqualTo(w.description());
      }
      for (Map.Entry<String, byte[]> p : photos.entrySet()) {
        Answer a = http.get(p.getKey());
        assertThat(a.status()).as(p.getKey()).isEqualTo(200);
        assertThat(a.body()).as(p.getKey()).isEqualTo(p.getValue());
      }
      // Nothing the backup could not have seen: at most what was answered before it ended.
      long ids = http.get(Http.API + "/requests.json?page_size=1000").json().size();
      assertThat(ids).isBetween((long) before.size(), written.stream().filter(x -> x.answeredAt() < ended).count()
          + WRITERS);
    }

    // The restored place is no longer empty: a second restore is refused unless forced.
    Run again = Commands.run("restore", "--database", restoredDb.url(), "--media", restoredMedia.toString(),
        "--from", archive.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err().strip().lines()).hasSize(1).first().asString()
        .startsWith("restore refused: the database").contains("--force");
    Run forced = Commands.run("restore", "--database", restoredDb.url(), "--media", restoredMedia.toString(),
        "--from", archive.toString(), "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
  }

  @Test
  void aBackupWhoseRowsDoNotMatchItsManifestIsRefusedAndTheTargetLeftUntouched(@TempDir Path dir) throws Exception {
    DatabaseSettings live = new DatabaseSettings("jdbc:sqlite:" + dir.resolve("live.db"), null, null);
    Configuration config = ConfigurationLoader.validate(TestConfig.city().build(live), "test");
    try (Application app = Application.start(config, "127.0.0.1")) {
      new Http(app.port()).postForm(Http.API + "/requests.json", Http.form("api_key", TestConfig.KEY,
          "service_code", "POT", "address_string", "1 Count St"));
    }
    Path archive = dir.resolve("b.zip");
    Run backup = Commands.run("backup", "--database", live.url(), "--media", config.media().directory(), "--to",
        archive.toString());
    assertThat(backup.code()).as(backup.err()).isZero();
    Run existing = Commands.run("backup", "--database", live.url(), "--to", archive.toString());
    assertThat(existing.code()).isEqualTo(1);
    assertThat(existing.err()).contains("already exists");

    // The same archive, its manifest claiming one more request than the database holds.
    Path tampered = dir.resolve("tampered.zip");
    try (ZipFile in = new ZipFile(archive.toFile()); OutputStream file = Files.newOutputStream(tampered);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (ZipEntry e : Collections.list(in.entries())) {
        byte[] bytes = in.getInputStream(e).readAllBytes();
        if (e.getName().equals("manifest.json")) {
          String text = new String(bytes, StandardCharsets.UTF_8);
          assertThat(text).contains("\"service_requests\" : 1");
          bytes = text.replace("\"service_requests\" : 1", "\"service_requests\" : 2").getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    Path target = dir.resolve("new").resolve("civic311.db");
    Run restore = Commands.run("restore", "--database", "jdbc:sqlite:" + target, "--media",
        dir.resolve("new").resolve("media").toString(), "--from", tampered.toString());
    assertThat(restore.code()).isEqualTo(1);
    assertThat(restore.hasStackTrace()).isFalse();
    assertThat(restore.err()).contains("restore refused:", "does not hold the rows its manifest lists");
    assertThat(target).doesNotExist();
    assertThat(target.resolveSibling("civic311.db.restoring")).doesNotExist();

    Run notZip = Commands.run("restore", "--database", "jdbc:sqlite:" + target, "--from", live.url().substring(12));
    assertThat(notZip.code()).isEqualTo(1);
    assertThat(notZip.err()).contains("is not a backup");
  }

  @Test
  void aMissingDatabaseIsRefusedNotCreatedAndBackedUpEmpty(@TempDir Path dir) {
    Run r = Commands.run("backup", "--database", "jdbc:sqlite:" + dir.resolve("typo.db"), "--to",
        dir.resolve("b.zip").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("backup refused: the database " + dir.resolve("typo.db") + " does not exist");
    assertThat(dir.resolve("typo.db")).doesNotExist();
    assertThat(dir.resolve("b.zip")).doesNotExist();
  }

  @Test
  void onPostgresBackupGivesThePgDumpRecipe() {
    Run r = Commands.run("backup", "--database", "jdbc:postgresql://db.example.org:5432/civic311", "--to", "x.zip");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.hasStackTrace()).isFalse();
    assertThat(r.err()).contains("pg_dump --format=custom --file=civic311.dump 'postgresql://db.example.org:5432/civic311'")
        .contains("pg_restore").contains("docs/OPERATIONS.md");
    assertThat(Path.of("x.zip")).doesNotExist();
  }

  static Answer withPhoto(Http http, String description, byte[] jpeg) {
    String boundary = "----civic311backup";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder fields = new StringBuilder();
    for (String[] f : new String[][] {{"api_key", TestConfig.KEY}, {"service_code", "POT"},
        {"address_string", "1 Photo St"}, {"description", description}}) {
      fields.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f[0])
          .append("\"\r\n\r\n").append(f[1]).append("\r\n");
    }
    fields.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"media\";"
        + " filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
    out.writeBytes(fields.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(jpeg);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.post(Http.API + "/requests.json", "multipart/form-data; boundary=" + boundary, out.toByteArray());
  }
}
