package dev.onair.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a SIGKILL leaves is the file as the last returned commit wrote it (H2 runs no background writer with
 * {@code WRITE_DELAY=0}, so between two commits of one thread the file does not change): a copy taken right after
 * a commit is that state. With chunks freed at once ({@code RETENTION_TIME 0}, what the 45 s default reaches
 * after a minute of traffic) new chunks go into reused space, and H2's quick recovery alone opens many such copies
 * at an older version (see {@link EmbeddedFileRecovery}); {@link Database#open} must find every committed row.
 */
class EmbeddedFileRecoveryTest {
  private static final int COMMITS = 60;

  @TempDir Path dir;

  @Test
  void openAfterCrash_findsEveryCommittedRow_whereH2AloneOpensAnOlderVersion() throws Exception {
    Path live = dir.resolve("live");
    List<Path> crashImages = new ArrayList<>();
    try (Database database = Database.open(DatabaseSettings.embedded(live))) {
      database.jdbc().update("set retention_time 0");
      database.jdbc().update("create table crash_probe(id int primary key, filler varchar(4000))");
      for (int i = 0; i < COMMITS; i++) {
        database.jdbc().update("insert into crash_probe values (?, repeat('x', 2000))", i);
        // rewrite an older row too, so older chunks die and their space is reused
        database.jdbc().update("update crash_probe set filler = repeat('y', 2000) where id = ?", i / 2);
        Path image = dir.resolve("image-" + i);
        Files.createDirectories(image.resolve("db"));
        Files.copy(live.resolve("db").resolve("onair.mv.db"), image.resolve("db").resolve("onair.mv.db"),
            StandardCopyOption.REPLACE_EXISTING);
        crashImages.add(image);
      }
    }
    List<Integer> quickRecoveryOpensOlder = new ArrayList<>();
    for (int i = 0; i < COMMITS; i++) {
      Path file = crashImages.get(i).resolve("db").resolve("onair.mv.db");
      assertThat(EmbeddedFileRecovery.closedCleanly(file)).isFalse();
      long fullScan = version(file, true);
      if (version(file, false) < fullScan) {
        quickRecoveryOpensOlder.add(i);
        // the cheap pre-check must see that the full scan is needed
        assertThat(EmbeddedFileRecovery.newestChunkVersionInFile(file)).isGreaterThanOrEqualTo(fullScan);
      }
    }
    assertThat(quickRecoveryOpensOlder)
        .as("images that H2's quick recovery opens at an older version than a full scan (if none after an H2"
            + " upgrade, its recovery may be fixed and EmbeddedFileRecovery may no longer be needed)")
        .isNotEmpty();
    List<Integer> checked = new ArrayList<>(quickRecoveryOpensOlder.subList(0, Math.min(4,
        quickRecoveryOpensOlder.size())));
    checked.add(COMMITS - 1);
    for (int i : checked) {
      try (Database database = Database.open(DatabaseSettings.embedded(crashImages.get(i)))) {
        long rows = database.jdbc().queryOne("select count(*) from crash_probe", row -> row.longValue(1)).orElseThrow();
        assertThat(rows).as("rows after reopening the image of commit %d", i).isEqualTo(i + 1);
        assertThat(database.jdbc().queryOne("select filler from crash_probe where id = ?", row -> row.string("filler"), i / 2)
            .orElseThrow()).startsWith("y");
      }
      assertThat(EmbeddedFileRecovery.closedCleanly(crashImages.get(i).resolve("db").resolve("onair.mv.db")))
          .isTrue();
    }
  }

  private static long version(Path file, boolean fullScan) {
    MVStore.Builder builder = new MVStore.Builder().fileName(file.toString()).readOnly();
    MVStore store = (fullScan ? builder.recoveryMode() : builder).open();
    try {
      return store.getCurrentVersion();
    } finally {
      store.closeImmediately();
    }
  }
}
