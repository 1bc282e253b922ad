package dev.onair.s3;

import static dev.onair.s3.S3Support.bucketName;

import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.StructNode;
import dev.onair.s3.model.Bucket;
import dev.onair.s3.xml.XmlBodies;
import dev.onair.s3.xml.XmlBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Bucket lifecycle: CreateBucket, HeadBucket, DeleteBucket, ListBuckets, GetBucketLocation.
 *
 * <p>A bucket lives in one region. Onair has one endpoint for every region, and treats it like S3's us-east-1
 * endpoint, which may create buckets in any region: requests signed for us-east-1 take the LocationConstraint as
 * given, requests signed for another region must name that region, as on the regional endpoints.
 */
final class BucketOperations {
  private final S3Support support;

  BucketOperations(S3Support support) {
    this.support = support;
  }

  List<Operation> operations() {
    return List.of(
        S3Support.bucketOperation("CreateBucket", "s3:CreateBucket", support, this::createBucket),
        S3Support.bucketOperation("HeadBucket", "s3:ListBucket", support, this::headBucket),
        S3Support.bucketOperation("DeleteBucket", "s3:DeleteBucket", support, this::deleteBucket),
        new Operation(
            "ListBuckets",
            (context, input) -> List.of(AuthorizationCheck.of("s3:ListAllMyBuckets", "arn:aws:s3:::*")),
            this::listBuckets),
        S3Support.bucketOperation("GetBucketLocation", "s3:GetBucketLocation", support, this::getBucketLocation));
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html */
  OperationResult createBucket(CallContext context, StructNode input) {
    String name = bucketName(input);
    if (!BucketNames.isValid(name)) {
      throw S3Errors.invalidBucketName(name);
    }
    String region = requestedRegion(context, context.httpRequest().body());
    String owner = S3Support.ownerAccount(context);
    Bucket bucket = new Bucket(name, owner, region, context.requestTime(), null);
    if (!support.buckets.create(bucket)) {
      Bucket existing = support.buckets.find(name).orElse(bucket);
      if (!existing.accountId().equals(owner)) {
        throw S3Errors.bucketError(S3ErrorCode.BUCKET_ALREADY_EXISTS, name);
      }
      // S3's legacy us-east-1 behaviour: re-creating your own bucket there succeeds
      if (!(existing.region().equals(S3Support.US_EAST_1) && region.equals(S3Support.US_EAST_1))) {
        throw S3Errors.bucketError(S3ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU, name);
      }
    }
    support.blobs.createBucket(name);
    return S3Support.status(200, HttpHeaders.of("Location", "/" + name));
  }

  static final int MAX_REGION_LENGTH = 20;

  private static String requestedRegion(CallContext context, byte[] body) {
    String constraint = locationConstraint(body);
    String endpointRegion = context.region();
    if (constraint == null || constraint.isEmpty()) {
      if (!endpointRegion.equals(S3Support.US_EAST_1)) {
        throw illegalLocation("unspecified");
      }
      return S3Support.US_EAST_1;
    }
    if (constraint.equals(S3Support.US_EAST_1)) {
      // S3 refuses us-east-1 as an explicit constraint: the region is named by leaving it out
      throw S3Errors.of(S3ErrorCode.INVALID_LOCATION_CONSTRAINT,
          S3ErrorCode.INVALID_LOCATION_CONSTRAINT.defaultMessage(), "LocationConstraint", constraint);
    }
    // no region name is longer than 20 characters; a longer one matching the pattern reached the bucket row's
    // region column and answered 500
    if (constraint.length() > MAX_REGION_LENGTH || !constraint.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      throw S3Errors.of(S3ErrorCode.INVALID_LOCATION_CONSTRAINT,
          S3ErrorCode.INVALID_LOCATION_CONSTRAINT.defaultMessage(), "LocationConstraint", constraint);
    }
    if (!endpointRegion.equals(S3Support.US_EAST_1) && !endpointRegion.equals(constraint)) {
      throw illegalLocation(constraint);
    }
    return constraint;
  }

  private static RuntimeException illegalLocation(String constraint) {
    return S3Errors.of(S3ErrorCode.ILLEGAL_LOCATION_CONSTRAINT,
        "The " + constraint + " location constraint is incompatible for the region specific endpoint this"
            + " request was sent to.");
  }

  private static String locationConstraint(byte[] body) {
    if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
      return null;
    }
    Element root = XmlBodies.parse(body);
    if (!XmlBodies.localName(root).equals("CreateBucketConfiguration")) {
      throw S3Errors.malformedXml();
    }
    return XmlBodies.childText(root, "LocationConstraint");
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html */
  OperationResult headBucket(CallContext context, StructNode input) {
    Bucket bucket = support.requireBucket(bucketName(input));
    return S3Support.status(
        200,
        HttpHeaders.of("x-amz-bucket-region", bucket.region(), "x-amz-access-point-alias", "false"));
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucket.html */
  OperationResult deleteBucket(CallContext context, StructNode input) {
    Bucket bucket = support.requireBucket(bucketName(input));
    if (support.blobs.hasObjects(bucket.name())) {
      throw S3Errors.bucketError(S3ErrorCode.BUCKET_NOT_EMPTY, bucket.name());
    }
    support.buckets.delete(bucket.name());
    support.blobs.deleteBucket(bucket.name());
    return S3Support.status(204, HttpHeaders.EMPTY);
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html */
  OperationResult listBuckets(CallContext context, StructNode input) {
    String owner = S3Support.ownerAccount(context);
    String prefix = Optional.ofNullable(context.httpRequest().queryParameter("prefix")).orElse("");
    XmlBuilder xml = XmlBuilder.s3("ListAllMyBucketsResult");
    xml.start("Buckets");
    for (Bucket bucket : support.buckets.list(owner)) {
      if (bucket.name().startsWith(prefix)) {
        xml.start("Bucket")
            .element("Name", bucket.name())
            .element("CreationDate", bucket.creationDate())
            .element("BucketRegion", bucket.region())
            .end();
      }
    }
    xml.end();
    owner(xml, owner);
    if (!prefix.isEmpty()) {
      xml.element("Prefix", prefix);
    }
    return S3Support.xml(xml.toBytes());
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html */
  OperationResult getBucketLocation(CallContext context, StructNode input) {
    Bucket bucket = support.requireBucket(bucketName(input));
    XmlBuilder xml = XmlBuilder.s3("LocationConstraint");
    byte[] body = bucket.region().equals(S3Support.US_EAST_1)
        ? ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\""
            + XmlBuilder.S3_NAMESPACE + "\"/>").getBytes(StandardCharsets.UTF_8)
        : xml.text(bucket.region()).toBytes();
    return OperationResult.raw(HttpResponse.of(200, S3Support.XML, body));
  }

  static void owner(XmlBuilder xml, String accountId) {
    xml.start("Owner").element("ID", canonicalUserId(accountId)).end();
  }

  /** S3's canonical user id is 64 hex digits per account; Onair derives it from the account id. */
  static String canonicalUserId(String accountId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("onair-canonical-user:" + accountId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
