package dev.onair.s3.blob;

import dev.onair.s3.model.ByteRange;
import dev.onair.s3.model.MultipartUpload;
import dev.onair.s3.model.ObjectAttributes;
import dev.onair.s3.model.ObjectContent;
import dev.onair.s3.model.ObjectMetadata;
import dev.onair.s3.model.Part;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Object bytes and their metadata, per bucket. Knows nothing of S3's rules (ETag checks, part sizes, policies):
 * those are the operations' job, so another backend only has to store and list.
 *
 * <p>Writes are atomic: a reader sees the old object or the new one, never a partial one.
 */
public interface BlobStore {
  void createBucket(String bucket);

  /** Removes the bucket's storage, including any multipart uploads in progress. */
  void deleteBucket(String bucket);

  boolean hasObjects(String bucket);

  /** Stores an object, computing its size and MD5 ETag. */
  ObjectMetadata put(String bucket, String key, InputStream data, ObjectAttributes attributes);

  Optional<ObjectMetadata> head(String bucket, String key);

  /** The object's bytes, or only {@code range} of them when not null. */
  Optional<ObjectContent> get(String bucket, String key, ByteRange range);

  /** Copies bytes server-side, with the new attributes; returns the new object's metadata. */
  Optional<ObjectMetadata> copy(
      String sourceBucket, String sourceKey, String bucket, String key, ObjectAttributes attributes);

  /** @return whether an object was there */
  boolean delete(String bucket, String key);

  /**
   * The key of every object that starts with {@code prefix}, in S3 order (UTF-8 binary). Keys only, so a listing
   * page reads the metadata of just the objects it returns.
   */
  List<String> keys(String bucket, String prefix);

  MultipartUpload createUpload(String bucket, String key, ObjectAttributes attributes);

  Optional<MultipartUpload> upload(String bucket, String uploadId);

  List<MultipartUpload> uploads(String bucket);

  Part putPart(String bucket, String uploadId, int partNumber, InputStream data);

  /** Parts in part-number order. */
  List<Part> parts(String bucket, String uploadId);

  /**
   * Joins the given parts in order into the upload's object and ends the upload.
   *
   * @param etag the multipart ETag, computed by the caller who checked the parts
   */
  ObjectMetadata completeUpload(String bucket, String uploadId, List<Integer> partNumbers, String etag);

  void abortUpload(String bucket, String uploadId);
}
