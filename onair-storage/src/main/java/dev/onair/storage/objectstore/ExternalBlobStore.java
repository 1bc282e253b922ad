package dev.onair.storage.objectstore;

import static java.util.Objects.requireNonNull;

import dev.onair.s3.blob.BlobStore;
import dev.onair.s3.blob.BlobTrailers;
import dev.onair.s3.blob.KeyOrder;
import dev.onair.s3.blob.MultipartFiles;
import dev.onair.s3.model.ByteRange;
import dev.onair.s3.model.MultipartUpload;
import dev.onair.s3.model.ObjectAttributes;
import dev.onair.s3.model.ObjectContent;
import dev.onair.s3.model.ObjectMetadata;
import dev.onair.s3.model.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The S3 API's objects in the operator's S3-compatible store ({@code ONAIR_S3_*}), so that every node reads what
 * any node wrote. Each object is one external object in {@link dev.onair.s3.blob.FilesystemBlobStore}'s format
 * (bytes, then the metadata trailer, see {@link BlobTrailers}), so a put is one atomic PUT with no window where data
 * and metadata disagree:
 *
 * <ul>
 *   <li>{@code onair-s3/<bucket>/o/<key>}: objects
 *   <li>{@code onair-s3/<bucket>/u/<uploadId>/upload}: a multipart upload (trailer only), its parts beside it as
 *       {@code p00001}…; completing downloads the parts in order into a local temporary file, uploads the object in
 *       one PUT and deletes the upload's prefix
 * </ul>
 *
 * <p>HEAD reads the trailer with a suffix range; a ranged GET reads the trailer, then the range with {@code
 * If-Match} on the stored object's ETag, so an overwrite in between is retried instead of mixing two objects.
 * Writes are spooled to {@code spoolDirectory} (hashing MD5 and SHA-256 on the way) and sent as one signed PUT.
 */
public final class ExternalBlobStore implements BlobStore {
  static final String ROOT = "onair-s3/";
  private static final int TAIL_GUESS = 8 * 1024;
  private static final String UPLOAD_MARKER = "upload";

  private final S3ObjectStoreClient client;
  private final Path spool;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ExternalBlobStore(S3ObjectStoreClient client, Path spoolDirectory, Clock clock) {
    this.client = requireNonNull(client, "client is null");
    this.spool = requireNonNull(spoolDirectory, "spoolDirectory is null");
    this.clock = requireNonNull(clock, "clock is null");
    try {
      Files.createDirectories(spool);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String objectKey(String bucket, String key) {
    return ROOT + bucket + "/o/" + key;
  }

  private static String uploadPrefix(String bucket, String uploadId) {
    return ROOT + bucket + "/u/" + uploadId + "/";
  }

  @Override
  public void createBucket(String bucket) {
    // a prefix needs no creation
  }

  @Override
  public void deleteBucket(String bucket) {
    for (String key : client.list(ROOT + bucket + "/")) {
      client.delete(key);
    }
  }

  @Override
  public boolean hasObjects(String bucket) {
    return client.anyUnder(ROOT + bucket + "/o/");
  }

  @Override
  public ObjectMetadata put(String bucket, String key, InputStream data, ObjectAttributes attributes) {
    return write(objectKey(bucket, key), (out, md5) -> {
      long size = MultipartFiles.copy(data, out, md5);
      return new ObjectMetadata(key, size, hex(md5.digest()), now(), 0, attributes);
    });
  }

  @Override
  public Optional<ObjectMetadata> head(String bucket, String key) {
    return readTrailer(objectKey(bucket, key)).map(Trailer::metadata);
  }

  @Override
  public Optional<ObjectContent> get(String bucket, String key, ByteRange range) {
    String external = objectKey(bucket, key);
    if (range == null) {
      return fetchWhole(external).map(whole -> new ObjectContent(whole.metadata(), whole.data()));
    }
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<Trailer> trailer = readTrailer(external);
      if (trailer.isEmpty()) {
        return Optional.empty();
      }
      if (range.length() == 0 || range.first() >= trailer.get().metadata().size()) {
        return Optional.of(new ObjectContent(trailer.get().metadata(), new byte[0]));
      }
      long last = Math.min(range.last(), trailer.get().metadata().size() - 1);
      S3ObjectStoreClient.Fetched fetched =
          client.fetch(external, "bytes=" + range.first() + "-" + last, trailer.get().etag());
      if (fetched.status() == 404) {
        return Optional.empty();
      }
      if (fetched.status() == 412) {
        continue; // overwritten between the two reads: read the new object's trailer
      }
      if (fetched.status() == 416) {
        throw new ObjectStoreException("GET " + external + ": range not satisfiable", null);
      }
      return Optional.of(new ObjectContent(trailer.get().metadata(), fetched.body()));
    }
    throw new ObjectStoreException("GET " + external + ": object kept changing while being read", null);
  }

  @Override
  public Optional<ObjectMetadata> copy(
      String sourceBucket, String sourceKey, String bucket, String key, ObjectAttributes attributes) {
    Optional<Whole> source = fetchWhole(objectKey(sourceBucket, sourceKey));
    if (source.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(put(bucket, key, new ByteArrayInputStream(source.get().data()), attributes));
  }

  @Override
  public boolean delete(String bucket, String key) {
    String external = objectKey(bucket, key);
    boolean existed = client.exists(external);
    if (existed) {
      client.delete(external);
    }
    return existed;
  }

  @Override
  public List<String> keys(String bucket, String prefix) {
    String base = ROOT + bucket + "/o/";
    List<String> keys = new ArrayList<>();
    for (String external : client.list(base + prefix)) {
      keys.add(external.substring(base.length()));
    }
    keys.sort(KeyOrder.INSTANCE);
    return keys;
  }

  @Override
  public MultipartUpload createUpload(String bucket, String key, ObjectAttributes attributes) {
    byte[] id = new byte[48];
    random.nextBytes(id);
    String uploadId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    Instant initiated = now();
    write(uploadPrefix(bucket, uploadId) + UPLOAD_MARKER,
        (out, md5) -> new ObjectMetadata(key, 0, "", initiated, 0, attributes));
    return new MultipartUpload(bucket, key, uploadId, initiated, attributes);
  }

  @Override
  public Optional<MultipartUpload> upload(String bucket, String uploadId) {
    if (!MultipartFiles.isSafeUploadId(uploadId)) {
      return Optional.empty();
    }
    return readTrailer(uploadPrefix(bucket, uploadId) + UPLOAD_MARKER)
        .map(Trailer::metadata)
        .map(m -> new MultipartUpload(bucket, m.key(), uploadId, m.lastModified(), m.attributes()));
  }

  @Override
  public List<MultipartUpload> uploads(String bucket) {
    String base = ROOT + bucket + "/u/";
    List<MultipartUpload> result = new ArrayList<>();
    for (String external : client.list(base)) {
      String rest = external.substring(base.length());
      if (rest.endsWith("/" + UPLOAD_MARKER)) {
        upload(bucket, rest.substring(0, rest.length() - UPLOAD_MARKER.length() - 1)).ifPresent(result::add);
      }
    }
    result.sort(Comparator.comparing(MultipartUpload::key, KeyOrder.INSTANCE)
        .thenComparing(MultipartUpload::initiated));
    return result;
  }

  @Override
  public Part putPart(String bucket, String uploadId, int partNumber, InputStream data) {
    if (!MultipartFiles.isSafeUploadId(uploadId)) {
      throw new IllegalArgumentException("bad upload id");
    }
    String partKey = uploadPrefix(bucket, uploadId) + MultipartFiles.partName(partNumber);
    ObjectMetadata written = write(partKey, (out, md5) -> {
      long size = MultipartFiles.copy(data, out, md5);
      return new ObjectMetadata("part", size, hex(md5.digest()), now(), 0, ObjectAttributes.EMPTY);
    });
    return new Part(partNumber, written.size(), written.etag(), written.lastModified());
  }

  @Override
  public List<Part> parts(String bucket, String uploadId) {
    if (!MultipartFiles.isSafeUploadId(uploadId)) {
      return List.of();
    }
    String base = uploadPrefix(bucket, uploadId);
    List<Part> parts = new ArrayList<>();
    for (String external : client.list(base + "p")) {
      String name = external.substring(base.length());
      if (name.length() == 6) {
        readTrailer(external).map(Trailer::metadata).ifPresent(m ->
            parts.add(new Part(Integer.parseInt(name.substring(1)), m.size(), m.etag(), m.lastModified())));
      }
    }
    parts.sort(Comparator.comparingInt(Part::partNumber));
    return parts;
  }

  @Override
  public ObjectMetadata completeUpload(String bucket, String uploadId, List<Integer> partNumbers, String etag) {
    MultipartUpload upload = upload(bucket, uploadId).orElseThrow(() -> new IllegalStateException("no upload"));
    String base = uploadPrefix(bucket, uploadId);
    ObjectMetadata result = write(objectKey(bucket, upload.key()), (out, md5) -> {
      long size = 0;
      for (int partNumber : partNumbers) {
        Whole part = fetchWhole(base + MultipartFiles.partName(partNumber))
            .orElseThrow(() -> new IllegalStateException("part " + partNumber + " is gone"));
        out.write(part.data());
        size += part.data().length;
      }
      return new ObjectMetadata(upload.key(), size, etag, now(), partNumbers.size(), upload.attributes());
    });
    abortUpload(bucket, uploadId);
    return result;
  }

  @Override
  public void abortUpload(String bucket, String uploadId) {
    if (!MultipartFiles.isSafeUploadId(uploadId)) {
      return;
    }
    String base = uploadPrefix(bucket, uploadId);
    for (String external : client.list(base)) {
      if (!external.endsWith("/" + UPLOAD_MARKER)) {
        client.delete(external);
      }
    }
    // the marker last: a concurrent listing never shows an upload whose parts are half gone as still complete
    client.delete(base + UPLOAD_MARKER);
  }

  private record Trailer(ObjectMetadata metadata, String etag) {}

  private record Whole(ObjectMetadata metadata, byte[] data) {}

  /** The stored object's metadata, from a suffix range that normally holds the whole trailer. */
  private Optional<Trailer> readTrailer(String external) {
    int suffix = TAIL_GUESS;
    for (int attempt = 0; attempt < 2; attempt++) {
      S3ObjectStoreClient.Fetched fetched = client.fetch(external, "bytes=-" + suffix, null);
      if (fetched.status() == 404) {
        return Optional.empty();
      }
      if (fetched.status() != 200 && fetched.status() != 206) {
        throw new ObjectStoreException("GET " + external + " answered " + fetched.status(), null);
      }
      byte[] tail = fetched.body();
      int needed = BlobTrailers.trailerLength(tail)
          .orElseThrow(() -> new ObjectStoreException("not an Onair object: " + external, null));
      if (needed <= tail.length) {
        return Optional.of(new Trailer(BlobTrailers.decode(tail), fetched.etag()));
      }
      suffix = needed;
    }
    throw new ObjectStoreException("GET " + external + ": trailer changed while being read", null);
  }

  private Optional<Whole> fetchWhole(String external) {
    S3ObjectStoreClient.Fetched fetched = client.fetch(external, null, null);
    if (fetched.status() == 404) {
      return Optional.empty();
    }
    byte[] all = fetched.body();
    int trailer = BlobTrailers.trailerLength(all)
        .orElseThrow(() -> new ObjectStoreException("not an Onair object: " + external, null));
    ObjectMetadata metadata = BlobTrailers.decode(all);
    if (metadata.size() != all.length - trailer) {
      throw new ObjectStoreException("object " + external + " is damaged: size does not match", null);
    }
    return Optional.of(new Whole(metadata, Arrays.copyOf(all, (int) metadata.size())));
  }

  @FunctionalInterface
  private interface Body {
    ObjectMetadata writeTo(OutputStream out, MessageDigest md5) throws IOException;
  }

  /** Spools bytes and trailer to a local file, hashing it for the signature, and uploads it in one PUT. */
  private ObjectMetadata write(String external, Body body) {
    Path temp = spool.resolve(UUID.randomUUID().toString());
    try {
      MessageDigest sha256 = digest("SHA-256");
      ObjectMetadata metadata;
      try (OutputStream file = Files.newOutputStream(temp);
          OutputStream out = new java.security.DigestOutputStream(file, sha256)) {
        metadata = body.writeTo(out, digest("MD5"));
        out.write(BlobTrailers.encode(metadata));
      }
      client.putFile(external, temp, hex(sha256.digest()));
      return metadata;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // best effort: a leftover spool file is harmless
      }
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has " + algorithm, e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
