package dev.onair.s3;

import static dev.onair.s3.S3Support.bucketName;
import static dev.onair.s3.S3Support.key;

import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.tree.StructNode;
import dev.onair.s3.model.Bucket;
import dev.onair.s3.model.MultipartUpload;
import dev.onair.s3.model.Part;
import dev.onair.s3.xml.XmlBodies;
import dev.onair.s3.xml.XmlBuilder;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Multipart upload: CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload, ListParts,
 * ListMultipartUploads. S3's rules live here (part numbers, ETag checks, minimum part size); the blob store only
 * stores parts and joins them.
 */
final class MultipartOperations {
  static final int MAX_PART_NUMBER = 10_000;
  private static final int MAX_LIST = 1000;

  private final S3Support support;

  MultipartOperations(S3Support support) {
    this.support = support;
  }

  List<Operation> operations() {
    return List.of(
        S3Support.objectOperation("CreateMultipartUpload", "s3:PutObject", support, this::create),
        S3Support.objectOperation("UploadPart", "s3:PutObject", support, this::uploadPart),
        S3Support.objectOperation("CompleteMultipartUpload", "s3:PutObject", support, this::complete),
        S3Support.objectOperation("AbortMultipartUpload", "s3:AbortMultipartUpload", support, this::abort),
        S3Support.objectOperation("ListParts", "s3:ListMultipartUploadParts", support, this::listParts),
        S3Support.bucketOperation(
            "ListMultipartUploads", "s3:ListBucketMultipartUploads", support, this::listUploads));
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html */
  OperationResult create(CallContext context, StructNode input) {
    Bucket bucket = support.requireBucket(bucketName(input));
    MultipartUpload upload =
        support.blobs.createUpload(bucket.name(), key(input), ObjectHeaders.attributes(context.httpRequest()));
    XmlBuilder xml = XmlBuilder.s3("InitiateMultipartUploadResult")
        .element("Bucket", bucket.name())
        .element("Key", upload.key())
        .element("UploadId", upload.uploadId());
    return S3Support.xml(xml.toBytes());
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html */
  OperationResult uploadPart(CallContext context, StructNode input) {
    HttpRequest request = context.httpRequest();
    int partNumber = partNumber(request.queryParameter("partNumber"));
    MultipartUpload upload = requireUpload(input, request.queryParameter("uploadId"));
    byte[] body = request.body();
    Map<String, String> checksums = ObjectHeaders.verifyIntegrity(request, body);
    Part part = support.blobs.putPart(upload.bucket(), upload.uploadId(), partNumber, new ByteArrayInputStream(body));
    HttpHeaders headers = HttpHeaders.of("ETag", part.quotedEtag());
    for (Map.Entry<String, String> checksum : checksums.entrySet()) {
      headers = headers.with("x-amz-checksum-" + checksum.getKey().toLowerCase(java.util.Locale.ROOT),
          checksum.getValue());
    }
    return S3Support.status(200, headers);
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html */
  OperationResult complete(CallContext context, StructNode input) {
    HttpRequest request = context.httpRequest();
    MultipartUpload upload = requireUpload(input, request.queryParameter("uploadId"));
    List<RequestedPart> requested = requestedParts(request.body());
    Map<Integer, Part> stored = new HashMap<>();
    for (Part part : support.blobs.parts(upload.bucket(), upload.uploadId())) {
      stored.put(part.partNumber(), part);
    }
    // the whole list is checked for order and existence before sizes, so a misordered list is reported as such
    List<Part> chosen = new ArrayList<>();
    int previous = 0;
    for (RequestedPart wanted : requested) {
      if (wanted.partNumber() <= previous) {
        throw S3Errors.of(S3ErrorCode.INVALID_PART_ORDER);
      }
      previous = wanted.partNumber();
      Part part = stored.get(wanted.partNumber());
      if (part == null || !part.md5().equals(ETags.normalize(wanted.etag()))) {
        throw S3Errors.of(S3ErrorCode.INVALID_PART, S3ErrorCode.INVALID_PART.defaultMessage(),
            "UploadId", upload.uploadId(), "PartNumber", Integer.toString(wanted.partNumber()),
            "ETag", ETags.normalize(wanted.etag()));
      }
      chosen.add(part);
    }
    List<String> md5s = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      Part part = chosen.get(i);
      if (i < chosen.size() - 1 && part.size() < support.config.minimumPartSize()) {
        throw S3Errors.of(S3ErrorCode.ENTITY_TOO_SMALL, S3ErrorCode.ENTITY_TOO_SMALL.defaultMessage(),
            "ProposedSize", Long.toString(part.size()),
            "MinSizeAllowed", Long.toString(support.config.minimumPartSize()),
            "PartNumber", Integer.toString(part.partNumber()),
            "ETag", part.md5());
      }
      md5s.add(part.md5());
      numbers.add(part.partNumber());
    }
    String etag = ETags.multipart(md5s);
    var completed = support.blobs.completeUpload(upload.bucket(), upload.uploadId(), numbers, etag);
    String host = Optional.ofNullable(request.header("Host")).orElse("localhost");
    String scheme = request.secure() ? "https" : "http";
    XmlBuilder xml = XmlBuilder.s3("CompleteMultipartUploadResult")
        .element("Location", scheme + "://" + host + "/" + upload.bucket() + "/" + upload.key())
        .element("Bucket", upload.bucket())
        .element("Key", upload.key())
        .element("ETag", completed.quotedEtag());
    return S3Support.xml(xml.toBytes());
  }

  private record RequestedPart(int partNumber, String etag) {}

  private static List<RequestedPart> requestedParts(byte[] body) {
    if (body.length == 0) {
      throw S3Errors.malformedXml();
    }
    Element root = XmlBodies.parse(body);
    if (!XmlBodies.localName(root).equals("CompleteMultipartUpload")) {
      throw S3Errors.malformedXml();
    }
    List<RequestedPart> parts = new ArrayList<>();
    for (Element part : XmlBodies.children(root, "Part")) {
      String number = XmlBodies.childText(part, "PartNumber");
      String etag = XmlBodies.childText(part, "ETag");
      if (number == null || etag == null) {
        throw S3Errors.malformedXml();
      }
      try {
        parts.add(new RequestedPart(Integer.parseInt(number), etag));
      } catch (NumberFormatException e) {
        throw S3Errors.malformedXml();
      }
    }
    if (parts.isEmpty()) {
      throw S3Errors.malformedXml();
    }
    return parts;
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html */
  OperationResult abort(CallContext context, StructNode input) {
    MultipartUpload upload = requireUpload(input, context.httpRequest().queryParameter("uploadId"));
    support.blobs.abortUpload(upload.bucket(), upload.uploadId());
    return S3Support.status(204, HttpHeaders.EMPTY);
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListParts.html */
  OperationResult listParts(CallContext context, StructNode input) {
    HttpRequest request = context.httpRequest();
    MultipartUpload upload = requireUpload(input, request.queryParameter("uploadId"));
    int marker = intParameter(request, "part-number-marker", 0);
    int maxParts = Math.min(intParameter(request, "max-parts", MAX_LIST), MAX_LIST);
    List<Part> after = support.blobs.parts(upload.bucket(), upload.uploadId()).stream()
        .filter(part -> part.partNumber() > marker)
        .toList();
    List<Part> page = after.subList(0, Math.min(maxParts, after.size()));
    boolean truncated = after.size() > page.size();
    Bucket bucket = support.requireBucket(upload.bucket());
    XmlBuilder xml = XmlBuilder.s3("ListPartsResult")
        .element("Bucket", upload.bucket())
        .element("Key", upload.key())
        .element("UploadId", upload.uploadId())
        .element("PartNumberMarker", marker)
        .element("NextPartNumberMarker", page.isEmpty() ? marker : page.get(page.size() - 1).partNumber())
        .element("MaxParts", maxParts)
        .element("IsTruncated", truncated);
    for (Part part : page) {
      xml.start("Part")
          .element("PartNumber", part.partNumber())
          .element("LastModified", part.lastModified())
          .element("ETag", part.quotedEtag())
          .element("Size", part.size())
          .end();
    }
    xml.start("Initiator").element("ID", BucketOperations.canonicalUserId(bucket.accountId())).end();
    BucketOperations.owner(xml, bucket.accountId());
    xml.element("StorageClass", "STANDARD");
    return S3Support.xml(xml.toBytes());
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html */
  OperationResult listUploads(CallContext context, StructNode input) {
    Bucket bucket = support.requireBucket(bucketName(input));
    HttpRequest request = context.httpRequest();
    String prefix = Optional.ofNullable(request.queryParameter("prefix")).orElse("");
    int maxUploads = Math.min(intParameter(request, "max-uploads", MAX_LIST), MAX_LIST);
    List<MultipartUpload> matching = support.blobs.uploads(bucket.name()).stream()
        .filter(upload -> upload.key().startsWith(prefix))
        .toList();
    List<MultipartUpload> page = matching.subList(0, Math.min(maxUploads, matching.size()));
    XmlBuilder xml = XmlBuilder.s3("ListMultipartUploadsResult")
        .element("Bucket", bucket.name())
        .element("KeyMarker", "")
        .element("UploadIdMarker", "")
        .element("Prefix", prefix)
        .element("MaxUploads", maxUploads)
        .element("IsTruncated", matching.size() > page.size());
    for (MultipartUpload upload : page) {
      xml.start("Upload")
          .element("Key", upload.key())
          .element("UploadId", upload.uploadId())
          .start("Initiator").element("ID", BucketOperations.canonicalUserId(bucket.accountId())).end();
      BucketOperations.owner(xml, bucket.accountId());
      xml.element("StorageClass", "STANDARD").element("Initiated", upload.initiated()).end();
    }
    return S3Support.xml(xml.toBytes());
  }

  private MultipartUpload requireUpload(StructNode input, String uploadId) {
    Bucket bucket = support.requireBucket(bucketName(input));
    return support.blobs.upload(bucket.name(), uploadId)
        .filter(upload -> upload.key().equals(key(input)))
        .orElseThrow(() -> S3Errors.noSuchUpload(uploadId));
  }

  private static int partNumber(String value) {
    try {
      int number = Integer.parseInt(value == null ? "" : value.trim());
      if (number >= 1 && number <= MAX_PART_NUMBER) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below with S3's message
    }
    throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive",
        "partNumber", value);
  }

  private static int intParameter(HttpRequest request, String name, int fallback) {
    String value = request.queryParameter(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw S3Errors.invalidArgument("Provided " + name + " not an integer or within integer range", name, value);
  }
}
