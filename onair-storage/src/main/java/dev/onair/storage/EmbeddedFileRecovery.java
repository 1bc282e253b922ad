package dev.onair.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.h2.mvstore.MVStore;

/**
 * Finds the newest chunks of an embedded H2 file that was not closed cleanly (SIGKILL, crash), before H2 opens it.
 *
 * <p>Why: H2 2.5's quick recovery starts from the store header and follows each chunk's predicted position of the
 * next one. When a chunk is written elsewhere (into space freed by older chunks, which reuse does all the time once
 * chunks are older than the 45 s retention), H2 rewrites the header, but {@code RandomAccessStore.writeChunk} writes
 * it before {@code lastChunk} is set to the new chunk, so the header still names the previous chunk with its wrong
 * prediction. Until the next header write (at most about 20 versions later) every newer chunk is written to the
 * file but unreachable for the quick recovery, which then opens an older version: commits that returned, and were
 * answered 200, are gone (bench/.../CreateChannelCrash showed whole runs of acknowledged creates missing while their
 * chunks were in the file; docs/BENCHMARKS.md "Durability under load (session 5)").
 *
 * <p>H2's recovery mode scans every block of the file for chunks and picks the newest one whose chunk set is
 * complete; closing the store then writes a header that names it, and H2's normal open takes it from there (rolling
 * back what was in flight, as after any crash). The scan costs one pass over the file, so it runs only when the
 * header does not carry H2's clean-shutdown mark; commits pay nothing.
 */
final class EmbeddedFileRecovery {
  private static final int BLOCK = 4096;

  private EmbeddedFileRecovery() {}

  /** @return true when {@code mvFile} was not closed cleanly and was recovered by a full scan */
  static boolean recoverIfUnclean(Path mvFile) {
    if (!Files.isRegularFile(mvFile) || closedCleanly(mvFile)) {
      return false;
    }
    MVStore store = new MVStore.Builder().fileName(mvFile.toString()).recoveryMode().open();
    store.close();
    return true;
  }

  /**
   * H2 writes the header twice (blocks 0 and 1) as {@code H:2,...,clean:1,...,fletcher:...}; {@code clean:1}
   * is only there after an orderly close and is removed by the first write after an open. Anything unreadable
   * counts as unclean: a needless scan costs time, a skipped one can cost data.
   */
  static boolean closedCleanly(Path mvFile) {
    byte[] header = new byte[2 * BLOCK];
    int read;
    try (InputStream in = Files.newInputStream(mvFile)) {
      read = in.readNBytes(header, 0, header.length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + mvFile, e);
    }
    if (read < header.length) {
      return false;
    }
    return isClean(Arrays.copyOfRange(header, 0, BLOCK)) && isClean(Arrays.copyOfRange(header, BLOCK, 2 * BLOCK));
  }

  private static boolean isClean(byte[] block) {
    String text = new String(block, StandardCharsets.ISO_8859_1);
    int end = text.indexOf('\n');
    if (!text.startsWith("H:2,") || end < 0) {
      return false;
    }
    for (String field : text.substring(0, end).split(",")) {
      if (field.equals("clean:1")) {
        return true;
      }
    }
    return false;
  }
}
