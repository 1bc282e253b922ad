package dev.onair.s3;

import static dev.onair.s3.S3Support.bucketName;

import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.tree.StructNode;
import dev.onair.s3.model.Bucket;
import dev.onair.s3.model.ObjectMetadata;
import dev.onair.s3.xml.XmlBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** ListObjectsV2 and the original ListObjects, sharing {@link ObjectListing}'s paging rules. */
final class ListingOperations {
  private static final int MAX_KEYS = 1000;

  private final S3Support support;

  ListingOperations(S3Support support) {
    this.support = support;
  }

  List<Operation> operations() {
    return List.of(
        new Operation("ListObjectsV2", this::listChecks, this::listObjectsV2),
        new Operation("ListObjects", this::listChecks, this::listObjects));
  }

  /** s3:ListBucket with the condition keys S3 documents for it. */
  private List<AuthorizationCheck> listChecks(CallContext context, StructNode input) {
    HttpRequest request = context.httpRequest();
    AuthorizationCheck check = AuthorizationCheck.of("s3:ListBucket", S3Support.bucketArn(bucketName(input)));
    check = check.withKey("s3:prefix", Optional.ofNullable(request.queryParameter("prefix")).orElse(""));
    if (request.queryParameter("delimiter") != null) {
      check = check.withKey("s3:delimiter", request.queryParameter("delimiter"));
    }
    check = check.withKey("s3:max-keys", Integer.toString(maxKeys(request)));
    return List.of(support.withPolicy(check, bucketName(input)));
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html */
  OperationResult listObjectsV2(CallContext context, StructNode input) {
    Bucket bucket = support.requireBucket(bucketName(input));
    HttpRequest request = context.httpRequest();
    String prefix = Optional.ofNullable(request.queryParameter("prefix")).orElse("");
    String delimiter = request.queryParameter("delimiter");
    String token = request.queryParameter("continuation-token");
    String startAfter = request.queryParameter("start-after");
    boolean url = encodingType(request);
    int maxKeys = maxKeys(request);
    boolean fetchOwner = "true".equalsIgnoreCase(request.queryParameter("fetch-owner"));

    String marker = token != null ? decodeToken(token) : startAfter;
    ObjectListing page = ObjectListing.page(
        support.blobs.keys(bucket.name(), prefix), prefix, delimiter, marker, maxKeys);

    XmlBuilder xml = XmlBuilder.s3("ListBucketResult")
        .element("Name", bucket.name())
        .element("Prefix", encode(prefix, url))
        .element("ContinuationToken", token)
        .element("NextContinuationToken", page.truncated() ? encodeToken(page.nextMarker()) : null)
        .element("KeyCount", page.count())
        .element("MaxKeys", maxKeys)
        .element("Delimiter", delimiter == null ? null : encode(delimiter, url))
        .element("IsTruncated", page.truncated());
    contents(xml, bucket, page, url, fetchOwner);
    xml.element("StartAfter", startAfter == null ? null : encode(startAfter, url));
    xml.element("EncodingType", url ? "url" : null);
    return S3Support.xml(xml.toBytes());
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html */
  OperationResult listObjects(CallContext context, StructNode input) {
    Bucket bucket = support.requireBucket(bucketName(input));
    HttpRequest request = context.httpRequest();
    String prefix = Optional.ofNullable(request.queryParameter("prefix")).orElse("");
    String delimiter = request.queryParameter("delimiter");
    String marker = Optional.ofNullable(request.queryParameter("marker")).orElse("");
    boolean url = encodingType(request);
    int maxKeys = maxKeys(request);

    ObjectListing page = ObjectListing.page(
        support.blobs.keys(bucket.name(), prefix), prefix, delimiter, marker, maxKeys);
    XmlBuilder xml = XmlBuilder.s3("ListBucketResult")
        .element("Name", bucket.name())
        .element("Prefix", encode(prefix, url))
        .element("Marker", encode(marker, url))
        // S3 returns NextMarker only with a delimiter; without one clients continue from the last key
        .element("NextMarker", page.truncated() && delimiter != null ? encode(page.nextMarker(), url) : null)
        .element("MaxKeys", maxKeys)
        .element("Delimiter", delimiter == null ? null : encode(delimiter, url))
        .element("IsTruncated", page.truncated());
    contents(xml, bucket, page, url, true);
    xml.element("EncodingType", url ? "url" : null);
    return S3Support.xml(xml.toBytes());
  }

  private void contents(XmlBuilder xml, Bucket bucket, ObjectListing page, boolean url, boolean withOwner) {
    for (String key : page.keys()) {
      Optional<ObjectMetadata> metadata = support.blobs.head(bucket.name(), key);
      if (metadata.isEmpty()) {
        continue; // deleted since the keys were read
      }
      xml.start("Contents")
          .element("Key", encode(key, url))
          .element("LastModified", metadata.get().lastModified())
          .element("ETag", metadata.get().quotedEtag())
          .element("Size", metadata.get().size())
          .element("StorageClass", "STANDARD");
      if (withOwner) {
        BucketOperations.owner(xml, bucket.accountId());
      }
      xml.end();
    }
    for (String common : page.commonPrefixes()) {
      xml.start("CommonPrefixes").element("Prefix", encode(common, url)).end();
    }
  }

  private static boolean encodingType(HttpRequest request) {
    String type = request.queryParameter("encoding-type");
    if (type == null) {
      return false;
    }
    if (!type.equals("url")) {
      throw S3Errors.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", type);
    }
    return true;
  }

  private static int maxKeys(HttpRequest request) {
    String value = request.queryParameter("max-keys");
    if (value == null) {
      return MAX_KEYS;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed < 0) {
        throw S3Errors.invalidArgument("Argument maxKeys must be an integer between 0 and 2147483647",
            "maxKeys", value);
      }
      return Math.min(parsed, MAX_KEYS);
    } catch (NumberFormatException e) {
      throw S3Errors.invalidArgument("Provided max-keys not an integer or within integer range",
          "max-keys", value);
    }
  }

  private static String encode(String value, boolean url) {
    return url ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value;
  }

  // opaque to clients, like S3's; base64url of the last key or common prefix returned
  static String encodeToken(String marker) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(marker.getBytes(StandardCharsets.UTF_8));
  }

  static String decodeToken(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw S3Errors.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
    }
  }
}
