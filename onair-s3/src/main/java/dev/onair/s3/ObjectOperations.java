package dev.onair.s3;

import static dev.onair.s3.S3Support.bucketName;
import static dev.onair.s3.S3Support.key;

import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.StructNode;
import dev.onair.s3.model.Bucket;
import dev.onair.s3.model.ByteRange;
import dev.onair.s3.model.ObjectAttributes;
import dev.onair.s3.model.ObjectContent;
import dev.onair.s3.model.ObjectMetadata;
import dev.onair.s3.xml.XmlBodies;
import dev.onair.s3.xml.XmlBuilder;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/** Object operations: PutObject, GetObject, HeadObject, DeleteObject, DeleteObjects, CopyObject. */
final class ObjectOperations {
  private static final int MAX_DELETE_KEYS = 1000;

  private final S3Support support;

  ObjectOperations(S3Support support) {
    this.support = support;
  }

  List<Operation> operations() {
    return List.of(
        S3Support.objectOperation("PutObject", "s3:PutObject", support, this::putObject),
        S3Support.objectOperation("GetObject", "s3:GetObject", support, this::getObject),
        S3Support.objectOperation("HeadObject", "s3:GetObject", support, this::headObject),
        S3Support.objectOperation("DeleteObject", "s3:DeleteObject", support, this::deleteObject),
        // each key is authorized on its own inside the handler, and a denial is reported per key as S3 does
        new Operation("DeleteObjects", Operation.Authorization.none(), this::deleteObjects),
        new Operation("CopyObject", this::copyChecks, this::copyObject));
  }

  /**
   * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html. An aws-chunked body has already been
   * decoded and its chunk signatures verified by the front door; a trailing checksum arrives as a header.
   */
  OperationResult putObject(CallContext context, StructNode input) {
    Bucket bucket = support.requireBucket(bucketName(input));
    HttpRequest request = context.httpRequest();
    byte[] body = request.body();
    Map<String, String> checksums = ObjectHeaders.verifyIntegrity(request, body);
    ObjectAttributes attributes = ObjectHeaders.attributes(request).withChecksums(checksums);
    ObjectMetadata stored = support.blobs.put(bucket.name(), key(input), new ByteArrayInputStream(body), attributes);
    HttpHeaders headers = HttpHeaders.of("ETag", stored.quotedEtag());
    for (Map.Entry<String, String> checksum : checksums.entrySet()) {
      headers = headers.with("x-amz-checksum-" + checksum.getKey().toLowerCase(Locale.ROOT), checksum.getValue());
    }
    return S3Support.status(200, headers);
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html */
  OperationResult getObject(CallContext context, StructNode input) {
    return read(context, input, true);
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html */
  OperationResult headObject(CallContext context, StructNode input) {
    return read(context, input, false);
  }

  private OperationResult read(CallContext context, StructNode input, boolean withBody) {
    Bucket bucket = support.requireBucket(bucketName(input));
    String key = key(input);
    HttpRequest request = context.httpRequest();
    ObjectMetadata metadata = support.blobs.head(bucket.name(), key).orElseThrow(() -> S3Errors.noSuchKey(key));
    boolean checksumMode = "ENABLED".equalsIgnoreCase(request.header("x-amz-checksum-mode"));
    Optional<OperationResult> precondition = preconditions(request, metadata);
    if (precondition.isPresent()) {
      return precondition.get();
    }
    Optional<ByteRange> range = RangeHeader.resolve(request.header("Range"), metadata.size());
    HttpHeaders headers = ObjectHeaders.forGet(metadata, request, checksumMode && range.isEmpty());
    int status = range.isPresent() ? 206 : 200;
    long length = range.map(ByteRange::length).orElse(metadata.size());
    if (range.isPresent()) {
      headers = headers.with("Content-Range", range.get().contentRange(metadata.size()));
    }
    if (!withBody) {
      // HEAD: the length of what a GET would send, with no body
      return OperationResult.raw(
          new HttpResponse(status, headers.with("Content-Length", Long.toString(length)), new byte[0]));
    }
    ObjectContent content = support.blobs.get(bucket.name(), key, range.orElse(null))
        .orElseThrow(() -> S3Errors.noSuchKey(key));
    if (!content.metadata().etag().equals(metadata.etag())) {
      // overwritten between HEAD and read: serve the new object's own headers
      return read(context, input, true);
    }
    return OperationResult.raw(new HttpResponse(status, headers, content.bytes()));
  }

  /** RFC 7232 order: If-Match, If-Unmodified-Since, If-None-Match, If-Modified-Since. */
  private static Optional<OperationResult> preconditions(HttpRequest request, ObjectMetadata metadata) {
    Instant modified = metadata.lastModified().truncatedTo(ChronoUnit.SECONDS);
    String ifMatch = request.header("If-Match");
    if (ifMatch != null) {
      if (!ETags.matchesAny(ifMatch, metadata.etag())) {
        throw S3Errors.of(S3ErrorCode.PRECONDITION_FAILED, S3ErrorCode.PRECONDITION_FAILED.defaultMessage(),
            "Condition", "If-Match");
      }
    } else {
      Optional<Instant> unmodifiedSince = HttpDates.parse(request.header("If-Unmodified-Since"));
      if (unmodifiedSince.isPresent() && modified.isAfter(unmodifiedSince.get())) {
        throw S3Errors.of(S3ErrorCode.PRECONDITION_FAILED, S3ErrorCode.PRECONDITION_FAILED.defaultMessage(),
            "Condition", "If-Unmodified-Since");
      }
    }
    String ifNoneMatch = request.header("If-None-Match");
    boolean notModified;
    if (ifNoneMatch != null) {
      notModified = ETags.matchesAny(ifNoneMatch, metadata.etag());
    } else {
      Optional<Instant> modifiedSince = HttpDates.parse(request.header("If-Modified-Since"));
      notModified = modifiedSince.isPresent() && !modified.isAfter(modifiedSince.get());
    }
    if (notModified) {
      HttpHeaders headers = HttpHeaders.of(
          "ETag", metadata.quotedEtag(), "Last-Modified", HttpDates.format(metadata.lastModified()));
      return Optional.of(S3Support.status(304, headers));
    }
    return Optional.empty();
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html; deleting a missing key succeeds. */
  OperationResult deleteObject(CallContext context, StructNode input) {
    Bucket bucket = support.requireBucket(bucketName(input));
    support.blobs.delete(bucket.name(), key(input));
    return S3Support.status(204, HttpHeaders.EMPTY);
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html */
  OperationResult deleteObjects(CallContext context, StructNode input) {
    Bucket bucket = support.requireBucket(bucketName(input));
    Element root = XmlBodies.parse(context.httpRequest().body());
    if (!XmlBodies.localName(root).equals("Delete")) {
      throw S3Errors.malformedXml();
    }
    boolean quiet = "true".equalsIgnoreCase(XmlBodies.childText(root, "Quiet"));
    List<Element> objects = XmlBodies.children(root, "Object");
    if (objects.isEmpty() || objects.size() > MAX_DELETE_KEYS) {
      throw S3Errors.malformedXml();
    }
    XmlBuilder xml = XmlBuilder.s3("DeleteResult");
    for (Element object : objects) {
      String key = XmlBodies.childRawText(object, "Key");
      if (key == null || key.isEmpty()) {
        throw S3Errors.malformedXml();
      }
      try {
        context.require(support.objectCheck("s3:DeleteObject", bucket.name(), key));
        support.blobs.delete(bucket.name(), key);
        if (!quiet) {
          xml.start("Deleted").element("Key", key).end();
        }
      } catch (AwsServiceException denied) {
        xml.start("Error")
            .element("Key", key)
            .element("Code", denied.errorCode().code())
            .element("Message", denied.getMessage())
            .end();
      }
    }
    return S3Support.xml(xml.toBytes());
  }

  private List<AuthorizationCheck> copyChecks(CallContext context, StructNode input) {
    CopySource source = CopySource.parse(context.httpRequest().header("x-amz-copy-source"));
    return List.of(
        support.objectCheck("s3:PutObject", bucketName(input), key(input)),
        support.objectCheck("s3:GetObject", source.bucket(), source.key()));
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html */
  OperationResult copyObject(CallContext context, StructNode input) {
    HttpRequest request = context.httpRequest();
    CopySource source = CopySource.parse(request.header("x-amz-copy-source"));
    Bucket target = support.requireBucket(bucketName(input));
    String key = key(input);
    support.requireBucket(source.bucket());
    ObjectMetadata sourceMetadata = support.blobs.head(source.bucket(), source.key())
        .orElseThrow(() -> S3Errors.noSuchKey(source.key()));
    copyPreconditions(request, sourceMetadata);
    boolean replace = "REPLACE".equalsIgnoreCase(request.header("x-amz-metadata-directive"));
    if (!replace && source.bucket().equals(target.name()) && source.key().equals(key)) {
      throw S3Errors.invalidRequest(
          "This copy request is illegal because it is trying to copy an object to itself without changing the"
              + " object's metadata, storage class, website redirect location or encryption attributes.");
    }
    ObjectAttributes attributes = replace
        ? ObjectHeaders.attributes(request)
        : sourceMetadata.attributes().withChecksums(Map.of());
    ObjectMetadata copied = support.blobs
        .copy(source.bucket(), source.key(), target.name(), key, attributes)
        .orElseThrow(() -> S3Errors.noSuchKey(source.key()));
    XmlBuilder xml = XmlBuilder.s3("CopyObjectResult")
        .element("ETag", copied.quotedEtag())
        .element("LastModified", copied.lastModified());
    return S3Support.xml(xml.toBytes());
  }

  private static void copyPreconditions(HttpRequest request, ObjectMetadata source) {
    String ifMatch = request.header("x-amz-copy-source-if-match");
    String ifNoneMatch = request.header("x-amz-copy-source-if-none-match");
    boolean failed = (ifMatch != null && !ETags.matchesAny(ifMatch, source.etag()))
        || (ifNoneMatch != null && ETags.matchesAny(ifNoneMatch, source.etag()));
    if (failed) {
      throw S3Errors.of(S3ErrorCode.PRECONDITION_FAILED, S3ErrorCode.PRECONDITION_FAILED.defaultMessage(),
          "Condition", ifMatch != null ? "x-amz-copy-source-If-Match" : "x-amz-copy-source-If-None-Match");
    }
  }
}
