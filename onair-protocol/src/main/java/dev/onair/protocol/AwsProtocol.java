package dev.onair.protocol;

/** The AWS wire protocols Onair speaks. A service may accept several (CloudWatch accepts three). */
public enum AwsProtocol {
  /** Form-encoded {@code Action=} requests, XML responses (IAM, STS, CloudWatch for older SDKs). */
  AWS_QUERY,
  /** {@code X-Amz-Target} JSON RPC, version 1.0 (CloudWatch with botocore). */
  AWS_JSON_1_0,
  /** {@code X-Amz-Target} JSON RPC, version 1.1 (Service Quotas, CloudTrail). */
  AWS_JSON_1_1,
  /** REST routes with JSON bodies (IVS, Access Analyzer). */
  REST_JSON_1,
  /** REST routes with XML bodies (S3). */
  REST_XML,
  /** Smithy RPC v2 with CBOR bodies (CloudWatch with newer Java SDKs). */
  RPC_V2_CBOR
}
