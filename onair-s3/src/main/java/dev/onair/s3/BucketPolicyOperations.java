package dev.onair.s3;

import static dev.onair.s3.S3Support.bucketName;

import dev.onair.policy.MalformedPolicyDocumentException;
import dev.onair.policy.PolicyKind;
import dev.onair.policy.PolicyParser;
import dev.onair.policy.document.PolicyDocument;
import dev.onair.policy.document.Statement;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.StructNode;
import dev.onair.s3.model.Bucket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * PutBucketPolicy, GetBucketPolicy, DeleteBucketPolicy. The policy is validated with the resource-policy grammar
 * and S3's own rules (every Resource inside this bucket, every Action an S3 action), then kept verbatim: S3 returns
 * the text as put.
 */
final class BucketPolicyOperations {
  private static final int MAX_POLICY_BYTES = 20 * 1024;

  private final S3Support support;

  BucketPolicyOperations(S3Support support) {
    this.support = support;
  }

  List<Operation> operations() {
    return List.of(
        S3Support.bucketOperation("PutBucketPolicy", "s3:PutBucketPolicy", support, this::put),
        S3Support.bucketOperation("GetBucketPolicy", "s3:GetBucketPolicy", support, this::get),
        S3Support.bucketOperation("DeleteBucketPolicy", "s3:DeleteBucketPolicy", support, this::delete));
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html */
  OperationResult put(CallContext context, StructNode input) {
    Bucket bucket = support.requireBucket(bucketName(input));
    byte[] body = context.httpRequest().body();
    if (body.length > MAX_POLICY_BYTES) {
      throw S3Errors.of(S3ErrorCode.MALFORMED_POLICY, "Policies must be less than 20 KB");
    }
    String json = new String(body, StandardCharsets.UTF_8);
    validate(json, bucket.name());
    support.buckets.updatePolicy(bucket.name(), json);
    return S3Support.status(204, HttpHeaders.EMPTY);
  }

  static void validate(String json, String bucket) {
    if (json.isBlank()) {
      throw S3Errors.of(S3ErrorCode.MALFORMED_POLICY);
    }
    PolicyDocument document;
    try {
      document = PolicyParser.parse(json, PolicyKind.RESOURCE);
    } catch (MalformedPolicyDocumentException e) {
      throw S3Errors.of(S3ErrorCode.MALFORMED_POLICY, e.awsMessage());
    }
    for (Statement statement : document.statements()) {
      for (String action : statement.actions()) {
        String lower = action.toLowerCase(Locale.ROOT);
        if (!lower.equals("*") && !lower.startsWith("s3:")) {
          throw S3Errors.of(S3ErrorCode.MALFORMED_POLICY, "Policy has invalid action");
        }
      }
      for (String resource : statement.resources()) {
        if (!inBucket(resource, bucket)) {
          throw S3Errors.of(S3ErrorCode.MALFORMED_POLICY, "Policy has invalid resource");
        }
      }
    }
  }

  /** Whether a Resource pattern can only name this bucket or its objects. */
  static boolean inBucket(String resource, String bucket) {
    String prefix = "arn:aws:s3:::";
    if (!resource.startsWith(prefix)) {
      return false;
    }
    String rest = resource.substring(prefix.length());
    int slash = rest.indexOf('/');
    String bucketPart = slash < 0 ? rest : rest.substring(0, slash);
    StringBuilder regex = new StringBuilder();
    for (char c : bucketPart.toCharArray()) {
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.matches(regex.toString(), bucket);
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html */
  OperationResult get(CallContext context, StructNode input) {
    Bucket bucket = support.requireBucket(bucketName(input));
    if (bucket.policy() == null) {
      throw S3Errors.bucketError(S3ErrorCode.NO_SUCH_BUCKET_POLICY, bucket.name());
    }
    return OperationResult.raw(
        HttpResponse.of(200, "application/json", bucket.policy().getBytes(StandardCharsets.UTF_8)));
  }

  /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketPolicy.html; succeeds without a policy. */
  OperationResult delete(CallContext context, StructNode input) {
    Bucket bucket = support.requireBucket(bucketName(input));
    support.buckets.updatePolicy(bucket.name(), null);
    return S3Support.status(204, HttpHeaders.EMPTY);
  }
}
