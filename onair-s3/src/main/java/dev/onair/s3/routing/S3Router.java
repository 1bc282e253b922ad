package dev.onair.s3.routing;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.RestRoute;
import dev.onair.protocol.RestRouter;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.tree.StructNode;
import java.util.List;
import java.util.Optional;

/**
 * Routes S3 requests by method, by whether a bucket and key are addressed, and by the sub-resource query keys
 * ({@code ?policy}, {@code ?uploads}, {@code ?uploadId=} ...). The bound members are {@code Bucket} and {@code Key},
 * which the operations' authorization reads to build ARNs. Sub-resources Onair does not implement route to
 * {@link #NOT_IMPLEMENTED} so the client gets S3's NotImplemented rather than a wrong operation.
 */
public final class S3Router implements RestRouter {
  public static final String NOT_IMPLEMENTED = "NotImplemented";
  public static final String METHOD_NOT_ALLOWED = "MethodNotAllowed";

  // bucket sub-resources Onair does not serve; a request with one must not fall through to ListObjects etc.
  private static final List<String> UNSUPPORTED_SUBRESOURCES = List.of(
      "acl", "accelerate", "analytics", "cors", "encryption", "intelligent-tiering", "inventory", "lifecycle",
      "logging", "metrics", "notification", "object-lock", "ownershipControls", "policyStatus",
      "publicAccessBlock", "replication", "requestPayment", "tagging", "versioning", "versions", "website",
      "legal-hold", "retention", "torrent", "restore", "select", "attributes", "session", "metadataTable");

  private final List<String> hostSuffixes;

  public S3Router(List<String> hostSuffixes) {
    this.hostSuffixes = List.copyOf(requireNonNull(hostSuffixes, "hostSuffixes is null"));
  }

  @Override
  public Optional<RestRoute> route(HttpRequest request) {
    S3Address address;
    try {
      address = S3Address.of(request, hostSuffixes);
    } catch (IllegalArgumentException badEscape) {
      return Optional.empty();
    }
    String operation = operationName(request, address);
    StructNode.Builder members = StructNode.builder();
    members.put("Bucket", address.bucket());
    members.put("Key", address.key());
    return Optional.of(new RestRoute(operation, members.build()));
  }

  static String operationName(HttpRequest request, S3Address address) {
    String method = request.method();
    for (String subresource : UNSUPPORTED_SUBRESOURCES) {
      if (request.hasQueryParameter(subresource)) {
        return NOT_IMPLEMENTED;
      }
    }
    if (address.bucket() == null) {
      return method.equals("GET") ? "ListBuckets" : METHOD_NOT_ALLOWED;
    }
    return address.key() == null ? bucketOperation(request, method) : objectOperation(request, method);
  }

  private static String bucketOperation(HttpRequest request, String method) {
    boolean policy = request.hasQueryParameter("policy");
    switch (method) {
      case "PUT":
        return policy ? "PutBucketPolicy" : "CreateBucket";
      case "HEAD":
        return "HeadBucket";
      case "DELETE":
        return policy ? "DeleteBucketPolicy" : "DeleteBucket";
      case "POST":
        return request.hasQueryParameter("delete") ? "DeleteObjects" : METHOD_NOT_ALLOWED;
      case "GET":
        if (policy) {
          return "GetBucketPolicy";
        }
        if (request.hasQueryParameter("location")) {
          return "GetBucketLocation";
        }
        if (request.hasQueryParameter("uploads")) {
          return "ListMultipartUploads";
        }
        return "2".equals(request.queryParameter("list-type")) ? "ListObjectsV2" : "ListObjects";
      default:
        return METHOD_NOT_ALLOWED;
    }
  }

  private static String objectOperation(HttpRequest request, String method) {
    boolean upload = request.hasQueryParameter("uploadId");
    switch (method) {
      case "PUT":
        if (request.hasQueryParameter("partNumber") && upload) {
          return request.header("x-amz-copy-source") != null ? "UploadPartCopy" : "UploadPart";
        }
        return request.header("x-amz-copy-source") != null ? "CopyObject" : "PutObject";
      case "GET":
        return upload ? "ListParts" : "GetObject";
      case "HEAD":
        return "HeadObject";
      case "DELETE":
        return upload ? "AbortMultipartUpload" : "DeleteObject";
      case "POST":
        if (request.hasQueryParameter("uploads")) {
          return "CreateMultipartUpload";
        }
        return upload ? "CompleteMultipartUpload" : METHOD_NOT_ALLOWED;
      default:
        return METHOD_NOT_ALLOWED;
    }
  }
}
