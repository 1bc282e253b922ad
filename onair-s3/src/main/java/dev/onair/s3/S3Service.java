package dev.onair.s3;

import dev.onair.protocol.Operation;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.s3.blob.BlobStore;
import dev.onair.s3.routing.S3Router;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The S3 service: every operation Onair serves, split by group. Handlers read the raw request (S3 is mostly headers
 * and bytes) and answer with finished responses; errors are {@link AwsServiceException}s with {@link S3ErrorCode}s.
 */
public final class S3Service {
  private final S3Support support;

  public S3Service(BucketRepository buckets, BlobStore blobs, S3Config config, Clock clock) {
    this.support = new S3Support(buckets, blobs, config, clock);
  }

  public List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    operations.addAll(new BucketOperations(support).operations());
    operations.addAll(new BucketPolicyOperations(support).operations());
    operations.addAll(new ObjectOperations(support).operations());
    operations.addAll(new ListingOperations(support).operations());
    operations.addAll(new MultipartOperations(support).operations());
    operations.add(unsupported(S3Router.NOT_IMPLEMENTED, S3ErrorCode.NOT_IMPLEMENTED));
    operations.add(unsupported("UploadPartCopy", S3ErrorCode.NOT_IMPLEMENTED));
    operations.add(unsupported(S3Router.METHOD_NOT_ALLOWED, S3ErrorCode.METHOD_NOT_ALLOWED));
    return operations;
  }

  public S3Config config() {
    return support.config;
  }

  /** The port the IVS recorder uses: bucket existence by account and region, and object writes. */
  public S3BucketDirectory bucketDirectory() {
    return new S3BucketDirectory(support.buckets, support.blobs);
  }

  // answers routes Onair recognises but does not serve, so clients get S3's code rather than a generic one
  private static Operation unsupported(String name, S3ErrorCode code) {
    return new Operation(name, Operation.Authorization.none(), (context, input) -> {
      throw S3Errors.of(code);
    });
  }
}
