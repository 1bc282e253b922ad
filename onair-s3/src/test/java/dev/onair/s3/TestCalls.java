package dev.onair.s3;

import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Caller;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.StructNode;
import dev.onair.s3.blob.FilesystemBlobStore;
import dev.onair.s3.routing.S3Router;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Drives S3Service the way the front door does: route, authorize the declared checks, invoke. */
final class TestCalls {
  static final String ACCOUNT = "123456789012";

  final InMemoryBucketRepository buckets = new InMemoryBucketRepository();
  final FilesystemBlobStore blobs;
  final S3Service service;
  final ServiceIndex index;
  final List<AuthorizationCheck> checks = new ArrayList<>();
  Predicate<AuthorizationCheck> denied = check -> false;
  String region = "us-east-1";
  String account = ACCOUNT;

  TestCalls(Path dataDir, long minimumPartSize) {
    Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05.678Z"), ZoneOffset.UTC);
    blobs = new FilesystemBlobStore(dataDir.resolve("s3"), clock);
    service = new S3Service(buckets, blobs, new S3Config(List.of("s3.localhost"), minimumPartSize), clock);
    index = new ServiceIndex(S3ServiceDefinition.create(service));
  }

  record ServiceIndex(dev.onair.protocol.ServiceDefinition definition) {}

  HttpResponse call(String method, String pathAndQuery, byte[] body, String... headers) {
    int question = pathAndQuery.indexOf('?');
    String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
    String query = question < 0 ? "" : pathAndQuery.substring(question + 1);
    HttpHeaders httpHeaders = HttpHeaders.of("Host", "localhost:4566");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      httpHeaders = httpHeaders.with(headers[i], headers[i + 1]);
    }
    HttpRequest request = new HttpRequest(method, path, query, httpHeaders, body, "127.0.0.1", false);
    var route = index.definition().restRouter().route(request).orElseThrow();
    Operation operation = index.definition().operation(route.operationName());
    Caller caller = new Caller(Caller.CallerType.ROOT, account, "arn:aws:iam::" + account + ":root", account,
        null, "AKIDEXAMPLE", null, null, null, Map.of());
    CallContext context = new CallContext("req-1", account, region, caller, Instant.parse("2025-01-02T03:04:05Z"),
        request, (ctx, check) -> authorize(check));
    StructNode input = route.boundMembers();
    for (AuthorizationCheck check : operation.authorization().checks(context, input)) {
      authorize(check);
    }
    OperationResult result = operation.handler().handle(context, input);
    return ((OperationResult.Raw) result).response();
  }

  HttpResponse call(String method, String pathAndQuery, String body, String... headers) {
    return call(method, pathAndQuery, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  HttpResponse call(String method, String pathAndQuery) {
    return call(method, pathAndQuery, new byte[0]);
  }

  private void authorize(AuthorizationCheck check) {
    checks.add(check);
    if (denied.test(check)) {
      throw new AwsServiceException(S3ErrorCode.ACCESS_DENIED, "Access Denied");
    }
  }

  static String text(HttpResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
