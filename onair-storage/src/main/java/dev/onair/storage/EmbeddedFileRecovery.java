package dev.onair.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * back what was in flight, as after any crash). That scan is slow (14–20 s for a 172 MiB file on this loaded
 * machine), so it runs only when the header lacks H2's clean-shutdown mark and a sequential read of the chunk headers
 * finds a chunk newer than the version the quick recovery opens; commits pay nothing.
 */
final class EmbeddedFileRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFileRecovery.class);
  private static final int BLOCK = 4096;

  private EmbeddedFileRecovery() {}

  /**
   * @return true when {@code mvFile} exists, was not closed cleanly and is not open already (whether or not it
   *     needed the full scan): the caller then repairs what a half-written transaction can leave (quota counters)
   */
  static boolean recoverIfUnclean(Path mvFile) {
    if (!Files.isRegularFile(mvFile) || closedCleanly(mvFile)) {
      return false;
    }
    long quick;
    try {
      quick = quickRecoveryVersion(mvFile);
    } catch (MVStoreException e) {
      if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
        // Open already: another Database of this JVM shares H2's instance (tests, two nodes on one file), or
        // another process holds it and H2's own open will say so. Either way nothing crashed to recover from.
        return false;
      }
      throw e;
    }
    long newest = newestChunkVersionInFile(mvFile);
    if (newest <= quick) {
      return true;
    }
    long started = System.nanoTime();
    MVStore store = new MVStore.Builder().fileName(mvFile.toString()).recoveryMode().open();
    long recovered = store.getCurrentVersion();
    store.close();
    LOG.warn("{} was not closed cleanly and H2's quick recovery would open version {} although the file holds"
        + " chunks up to version {}: a full scan recovered version {} in {} ms", mvFile, quick, newest, recovered,
        (System.nanoTime() - started) / 1_000_000);
    return true;
  }

  /** The version H2's own (quick) recovery opens, read-only: cheap, it reads the header and a few chunks. */
  static long quickRecoveryVersion(Path mvFile) {
    MVStore store = new MVStore.Builder().fileName(mvFile.toString()).readOnly().open();
    try {
      return store.getCurrentVersion();
    } finally {
      store.closeImmediately();
    }
  }

  /**
   * The highest {@code version:} of a chunk header at the start of any block, in one sequential read: when it is
   * above what the quick recovery opens, the file holds newer chunks that it missed and the full scan (which also
   * checks footers and that the chunk set is complete, ~0.1 ms per 4 KiB block) is worth its time. A header of a
   * chunk cut off by the kill also counts: then the scan runs for nothing, which is only time.
   */
  static long newestChunkVersionInFile(Path mvFile) {
    long newest = -1;
    byte[] block = new byte[BLOCK];
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(mvFile), 64 * BLOCK)) {
      while (in.readNBytes(block, 0, BLOCK) == BLOCK) {
        if (block[0] == 'c' && block[1] == 'h' && block[2] == 'u' && block[3] == 'n' && block[4] == 'k'
            && block[5] == ':') {
          newest = Math.max(newest, hexField(new String(block, 0, 512, StandardCharsets.ISO_8859_1), "version:"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + mvFile, e);
    }
    return newest;
  }

  private static long hexField(String header, String key) {
    int start = header.indexOf("," + key);
    if (start < 0) {
      return -1;
    }
    start += key.length() + 1;
    int end = start;
    while (end < header.length() && end - start < 16 && Character.digit(header.charAt(end), 16) >= 0) {
      end++;
    }
    return end == start ? -1 : Long.parseLong(header.substring(start, end), 16);
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
