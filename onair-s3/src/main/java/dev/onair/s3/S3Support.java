package dev.onair.s3;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.StructNode;
import dev.onair.s3.blob.BlobStore;
import dev.onair.s3.blob.StorageFullException;
import dev.onair.s3.model.Bucket;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** What every operation group shares: the stores, bucket lookup, ARNs and authorization checks. */
final class S3Support {
  static final String US_EAST_1 = "us-east-1";
  static final String XML = "application/xml";

  final BucketRepository buckets;
  final BlobStore blobs;
  final S3Config config;
  final Clock clock;

  S3Support(BucketRepository buckets, BlobStore blobs, S3Config config, Clock clock) {
    this.buckets = requireNonNull(buckets, "buckets is null");
    this.blobs = requireNonNull(blobs, "blobs is null");
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  static String bucketName(StructNode input) {
    return input.string("Bucket");
  }

  static String key(StructNode input) {
    return input.string("Key");
  }

  Bucket requireBucket(String name) {
    if (name == null || !dev.onair.s3.BucketNames.isAddressable(name)) {
      throw S3Errors.noSuchBucket(name);
    }
    return buckets.find(name).orElseThrow(() -> S3Errors.noSuchBucket(name));
  }

  static String bucketArn(String bucket) {
    return "arn:aws:s3:::" + bucket;
  }

  static String objectArn(String bucket, String key) {
    return "arn:aws:s3:::" + bucket + "/" + key;
  }

  /** A check on the bucket, carrying its policy so the engine evaluates it as a resource-based policy. */
  AuthorizationCheck bucketCheck(String action, String bucket) {
    return withPolicy(AuthorizationCheck.of(action, bucketArn(bucket)), bucket);
  }

  AuthorizationCheck objectCheck(String action, String bucket, String key) {
    return withPolicy(AuthorizationCheck.of(action, objectArn(bucket, key)), bucket);
  }

  AuthorizationCheck withPolicy(AuthorizationCheck check, String bucket) {
    Optional<String> policy =
        bucket == null || !BucketNames.isAddressable(bucket)
            ? Optional.empty()
            : buckets.find(bucket).map(Bucket::policy);
    return policy.map(check::withResourcePolicy).orElse(check);
  }

  static Operation bucketOperation(
      String name, String action, S3Support support, Operation.Handler handler) {
    return new Operation(
        name,
        (context, input) -> List.of(support.bucketCheck(action, bucketName(input))),
        refusingWhenFull(handler));
  }

  static Operation objectOperation(
      String name, String action, S3Support support, Operation.Handler handler) {
    return new Operation(
        name,
        (context, input) -> List.of(support.objectCheck(action, bucketName(input), key(input))),
        refusingWhenFull(handler));
  }

  /**
   * A write the store could not make durable for lack of space is refused as S3 refuses any write it failed to
   * store (500 InternalError, which SDKs retry), never acknowledged; an operating condition, so no stack trace.
   */
  private static Operation.Handler refusingWhenFull(Operation.Handler handler) {
    return (context, input) -> {
      try {
        return handler.handle(context, input);
      } catch (StorageFullException full) {
        throw S3Errors.of(S3ErrorCode.INTERNAL_ERROR);
      }
    };
  }

  static OperationResult xml(int status, byte[] body) {
    return OperationResult.raw(HttpResponse.of(status, XML, body));
  }

  static OperationResult xml(byte[] body) {
    return xml(200, body);
  }

  static OperationResult status(int status, HttpHeaders headers) {
    return OperationResult.raw(new HttpResponse(status, headers, new byte[0]));
  }

  /** The account that owns what the caller creates: the caller's own. */
  static String ownerAccount(CallContext context) {
    return context.caller().accountId();
  }
}
