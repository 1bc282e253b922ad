package dev.onair.s3.blob;

import static java.util.Objects.requireNonNull;

import dev.onair.s3.model.ByteRange;
import dev.onair.s3.model.MultipartUpload;
import dev.onair.s3.model.ObjectAttributes;
import dev.onair.s3.model.ObjectContent;
import dev.onair.s3.model.ObjectMetadata;
import dev.onair.s3.model.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Objects as files under {@code <dataDir>/s3/}: {@code buckets/<bucket>/objects/<key path>} (see {@link KeyPaths}),
 * {@code buckets/<bucket>/uploads/<uploadId>/} for multipart uploads, and {@code tmp/} for writes in progress. Every
 * write goes to a temporary file on the same filesystem, is fsynced, then renamed into place, so readers and
 * crashes only ever see whole objects. A write that runs out of space throws {@link StorageFullException} and leaves
 * nothing behind (the temporary file is deleted; the previous version of the object, if any, stays listed).
 */
public final class FilesystemBlobStore implements BlobStore {
  private static final String UPLOAD_FILE = "upload";
  private static final int RENAME_ATTEMPTS = 5;

  private final Path root;
  private final Path tmp;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** @param s3Root the S3 directory, normally {@code <dataDir>/s3} */
  public FilesystemBlobStore(Path s3Root, Clock clock) {
    this.root = requireNonNull(s3Root, "s3Root is null");
    this.tmp = s3Root.resolve("tmp");
    this.clock = requireNonNull(clock, "clock is null");
    io(() -> Files.createDirectories(tmp));
  }

  @Override
  public void createBucket(String bucket) {
    io(() -> Files.createDirectories(objects(bucket)));
  }

  @Override
  public void deleteBucket(String bucket) {
    deleteTree(root.resolve("buckets").resolve(bucket));
  }

  @Override
  public boolean hasObjects(String bucket) {
    Path objects = objects(bucket);
    if (!Files.isDirectory(objects)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(objects)) {
      return files.anyMatch(Files::isRegularFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ObjectMetadata put(String bucket, String key, InputStream data, ObjectAttributes attributes) {
    Path target = KeyPaths.toPath(objects(bucket), key);
    return write(target, bucket + "/" + key, out -> {
      MessageDigest md5 = md5();
      long size = MultipartFiles.copy(data, out, md5);
      return new ObjectMetadata(key, size, hex(md5.digest()), now(), 0, attributes);
    });
  }

  @Override
  public Optional<ObjectMetadata> head(String bucket, String key) {
    return readMetadata(KeyPaths.toPath(objects(bucket), key));
  }

  @Override
  public Optional<ObjectContent> get(String bucket, String key, ByteRange range) {
    Path file = KeyPaths.toPath(objects(bucket), key);
    // one retry covers an overwrite that replaced the file between reading its metadata and its bytes
    for (int attempt = 0; attempt < 2; attempt++) {
      Optional<ObjectMetadata> metadata = readMetadata(file);
      if (metadata.isEmpty()) {
        return Optional.empty();
      }
      long offset = range == null ? 0 : range.first();
      long length = range == null ? metadata.get().size() : range.length();
      try {
        return Optional.of(new ObjectContent(metadata.get(), BlobFile.readData(file, offset, length)));
      } catch (NoSuchFileException gone) {
        continue;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<ObjectMetadata> copy(
      String sourceBucket, String sourceKey, String bucket, String key, ObjectAttributes attributes) {
    Path source = KeyPaths.toPath(objects(sourceBucket), sourceKey);
    Optional<ObjectMetadata> sourceMetadata = readMetadata(source);
    if (sourceMetadata.isEmpty()) {
      return Optional.empty();
    }
    Path target = KeyPaths.toPath(objects(bucket), key);
    return Optional.of(write(target, bucket + "/" + key, out -> {
      MessageDigest md5 = md5();
      try (InputStream in = Files.newInputStream(source)) {
        long size = MultipartFiles.copy(limited(in, sourceMetadata.get().size()), out, md5);
        return new ObjectMetadata(key, size, hex(md5.digest()), now(), 0, attributes);
      }
    }));
  }

  @Override
  public boolean delete(String bucket, String key) {
    Path objects = objects(bucket);
    Path file = KeyPaths.toPath(objects, key);
    boolean deleted = io(() -> Files.deleteIfExists(file));
    pruneEmptyParents(objects, file.getParent());
    return deleted;
  }

  @Override
  public List<String> keys(String bucket, String prefix) {
    Path objects = objects(bucket);
    Path start = KeyPaths.directoryFor(objects, prefix);
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    try (Stream<Path> files = Files.walk(start)) {
      files.filter(Files::isRegularFile).forEach(file -> {
        String key = KeyPaths.toKey(objects, file);
        if (key != null && key.startsWith(prefix)) {
          keys.add(key);
        }
      });
    } catch (NoSuchFileException concurrentlyDeleted) {
      // a subtree vanished while walking: list what was seen, as S3's listings are not snapshots either
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    keys.sort(KeyOrder.INSTANCE);
    return keys;
  }

  @Override
  public MultipartUpload createUpload(String bucket, String key, ObjectAttributes attributes) {
    byte[] id = new byte[48];
    random.nextBytes(id);
    String uploadId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    Path directory = uploadsRoot(bucket).resolve(uploadId);
    Instant initiated = now();
    io(() -> Files.createDirectories(directory));
    write(directory.resolve(UPLOAD_FILE), bucket + "/" + key + " (upload)",
        out -> new ObjectMetadata(key, 0, "", initiated, 0, attributes));
    return new MultipartUpload(bucket, key, uploadId, initiated, attributes);
  }

  @Override
  public Optional<MultipartUpload> upload(String bucket, String uploadId) {
    if (!MultipartFiles.isSafeUploadId(uploadId)) {
      return Optional.empty();
    }
    return readMetadata(uploadsRoot(bucket).resolve(uploadId).resolve(UPLOAD_FILE))
        .map(m -> new MultipartUpload(bucket, m.key(), uploadId, m.lastModified(), m.attributes()));
  }

  @Override
  public List<MultipartUpload> uploads(String bucket) {
    Path uploads = uploadsRoot(bucket);
    if (!Files.isDirectory(uploads)) {
      return List.of();
    }
    List<MultipartUpload> result = new ArrayList<>();
    try (Stream<Path> directories = Files.list(uploads)) {
      directories.forEach(directory -> upload(bucket, directory.getFileName().toString()).ifPresent(result::add));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    result.sort(Comparator.comparing(MultipartUpload::key, KeyOrder.INSTANCE)
        .thenComparing(MultipartUpload::initiated));
    return result;
  }

  @Override
  public Part putPart(String bucket, String uploadId, int partNumber, InputStream data) {
    Path target = uploadsRoot(bucket).resolve(uploadId).resolve(MultipartFiles.partName(partNumber));
    ObjectMetadata written = write(target, "part " + partNumber + " of upload " + uploadId, out -> {
      MessageDigest md5 = md5();
      long size = MultipartFiles.copy(data, out, md5);
      return new ObjectMetadata("part", size, hex(md5.digest()), now(), 0, ObjectAttributes.EMPTY);
    });
    return new Part(partNumber, written.size(), written.etag(), written.lastModified());
  }

  @Override
  public List<Part> parts(String bucket, String uploadId) {
    Path directory = uploadsRoot(bucket).resolve(uploadId);
    List<Part> parts = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      files.forEach(file -> {
        String name = file.getFileName().toString();
        if (name.startsWith("p") && name.length() == 6) {
          readMetadata(file).ifPresent(m ->
              parts.add(new Part(Integer.parseInt(name.substring(1)), m.size(), m.etag(), m.lastModified())));
        }
      });
    } catch (NoSuchFileException gone) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    parts.sort(Comparator.comparingInt(Part::partNumber));
    return parts;
  }

  @Override
  public ObjectMetadata completeUpload(String bucket, String uploadId, List<Integer> partNumbers, String etag) {
    MultipartUpload upload = upload(bucket, uploadId).orElseThrow(() -> new IllegalStateException("no upload"));
    Path directory = uploadsRoot(bucket).resolve(uploadId);
    Path target = KeyPaths.toPath(objects(bucket), upload.key());
    ObjectMetadata result = write(target, bucket + "/" + upload.key(), out -> {
      long size = 0;
      for (int partNumber : partNumbers) {
        Path part = directory.resolve(MultipartFiles.partName(partNumber));
        long partSize = BlobFile.readMetadata(part).size();
        try (InputStream in = Files.newInputStream(part)) {
          size += MultipartFiles.copy(limited(in, partSize), out, null);
        }
      }
      return new ObjectMetadata(upload.key(), size, etag, now(), partNumbers.size(), upload.attributes());
    });
    deleteTree(directory);
    return result;
  }

  @Override
  public void abortUpload(String bucket, String uploadId) {
    if (MultipartFiles.isSafeUploadId(uploadId)) {
      deleteTree(uploadsRoot(bucket).resolve(uploadId));
    }
  }

  private Path objects(String bucket) {
    return root.resolve("buckets").resolve(bucket).resolve("objects");
  }

  private Path uploadsRoot(String bucket) {
    return root.resolve("buckets").resolve(bucket).resolve("uploads");
  }

  // upload ids come from clients and become directory names: only ours (base64url) may pass

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  @FunctionalInterface
  private interface Body {
    ObjectMetadata writeTo(OutputStream out) throws IOException;
  }

  /** @param name what is written, for messages: {@code bucket/key} */
  private ObjectMetadata write(Path target, String name, Body body) {
    Path temp = tmp.resolve(UUID.randomUUID().toString());
    try {
      ObjectMetadata metadata;
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(channel);
        metadata = body.writeTo(out);
        out.write(BlobFile.encodeTrailer(metadata));
        out.flush();
        channel.force(true);
      }
      commit(temp, target);
      return metadata;
    } catch (IOException e) {
      if (StorageFullException.isOutOfSpace(e)) {
        throw new StorageFullException(name, e);
      }
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // best effort: a leftover temp file is harmless and never listed
      }
    }
  }

  // a concurrent delete may prune the parent directory between creating it and renaming into it
  private static void commit(Path temp, Path target) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Files.createDirectories(target.getParent());
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(target.getParent());
        return;
      } catch (NoSuchFileException e) {
        if (attempt == RENAME_ATTEMPTS || !Files.exists(temp)) {
          throw e;
        }
      }
    }
  }

  private static void fsyncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException ignored) {
      // not every filesystem can fsync a directory; the rename itself is still atomic
    }
  }

  private static void pruneEmptyParents(Path stop, Path directory) {
    Path current = directory;
    while (current != null && current.startsWith(stop) && !current.equals(stop)) {
      try {
        Files.deleteIfExists(current);
      } catch (DirectoryNotEmptyException notEmpty) {
        return;
      } catch (IOException e) {
        return;
      }
      current = current.getParent();
    }
  }

  private static Optional<ObjectMetadata> readMetadata(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(BlobFile.readMetadata(file)) : Optional.empty();
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream limited(InputStream in, long length) {
    return new InputStream() {
      private long remaining = length;

      @Override
      public int read() throws IOException {
        if (remaining <= 0) {
          return -1;
        }
        remaining--;
        return in.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int count) throws IOException {
        if (remaining <= 0) {
          return -1;
        }
        int read = in.read(buffer, offset, (int) Math.min(count, remaining));
        if (read > 0) {
          remaining -= read;
        }
        return read;
      }
    };
  }

  private static void deleteTree(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @FunctionalInterface
  private interface IoAction<T> {
    T run() throws IOException;
  }

  private static <T> T io(IoAction<T> action) {
    try {
      return action.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
