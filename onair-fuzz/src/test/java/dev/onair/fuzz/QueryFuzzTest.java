package dev.onair.fuzz;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.query.QueryParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Mutated Query protocol requests (form bodies, and query strings for GET): the form decoder and the tree builder
 * either produce an operation and its input or refuse with a 4xx AwsServiceException (MalformedQueryString,
 * MissingAction, InvalidAction). Inputs up to 1 MiB; the server accepts bodies up to --max-request-bytes (64 MiB)
 * but the parser's cost is linear, which the allocation bound checks.
 */
@AddLifecycleHook(FuzzTries.class)
class QueryFuzzTest {
  static final int CAP = 1 << 20;
  private static final Bounded.Limit LIMIT = new Bounded.Limit(Bounded.FIRST_USE, 200);
  private static final ServiceDefinition IAM = new ServiceDefinition("iam", List.of(AwsProtocol.AWS_QUERY),
      "https://iam.amazonaws.com/doc/2010-05-08/", "2010-05-08", null, false, null,
      ErrorCode.of("AccessDenied", 403), ErrorCode.of("ValidationError", 400), ErrorCode.of("InvalidAction", 400),
      null, ServiceDefinition.index(List.of(operation("CreateUser"), operation("PutUserPolicy"),
          operation("SimulateCustomPolicy"), operation("PutMetricData"))));
  private static final QueryParser PARSER = new QueryParser();

  private final Mutator mutator = new Mutator(Mutator.utf8(
      "Action=CreateUser&Version=2010-05-08&UserName=fuzz&Path=%2Fa%2F&Tags.member.1.Key=team"
          + "&Tags.member.1.Value=blue&Tags.member.2.Key=k&Tags.member.2.Value=%C3%A9",
      "Action=PutUserPolicy&UserName=fuzz&PolicyName=p&PolicyDocument=%7B%22Version%22%3A%222012-10-17%22%7D"
          + "&Version=2010-05-08",
      "Action=SimulateCustomPolicy&PolicyInputList.member.1=x&ActionNames.member.1=ivs%3AGetChannel"
          + "&ContextEntries.member.1.ContextKeyValues.member.1=v&Attrs.entry.1.key=k&Attrs.entry.1.value=v",
      "Action=PutMetricData&Namespace=Fuzz&MetricData.member.1.MetricName=m&MetricData.member.1.Value=1.5"
          + "&MetricData.member.1.Dimensions.member.1.Name=d&MetricData.member.1.Dimensions.member.1.Value=v"),
      List.of("&", "=", "%", "%%", "%zz", "%F", "%FF", "%C0%AF", "%ED%A0%80", "+", ".", "..", ".member.",
          ".member.0", ".member.-1", ".member.2147483648", ".entry.1.key=", ".entry.1.value=", "Action=",
          "Action=&Action=", "Version=", "\u00e9", "\r\n"),
      "&=.%+a9", CAP);

  private static Operation operation(String name) {
    return new Operation(name, Operation.Authorization.none(), (context, input) -> OperationResult.empty());
  }

  @Provide
  Arbitrary<byte[]> requests() {
    return mutator.inputs(2, QueryFuzzTest::hostile);
  }

  @Property
  void queryRequest_parsesOrIsRefusedWith4xx(@ForAll("requests") byte[] input) {
    boolean inQueryString = (input.length & 3) == 0;
    HttpRequest request = inQueryString
        ? new HttpRequest("GET", "/", new String(input, StandardCharsets.ISO_8859_1), HttpHeaders.EMPTY, new byte[0],
            "127.0.0.1", false)
        : new HttpRequest("POST", "/", "", HttpHeaders.of("Content-Type",
            "application/x-www-form-urlencoded; charset=utf-8"), input, "127.0.0.1", false);
    Bounded.parse(input, input.length, LIMIT, () -> PARSER.parse(request, IAM), QueryFuzzTest::isClientError);
  }

  static boolean isClientError(Throwable failure) {
    return failure instanceof AwsServiceException aws && aws.errorCode().httpStatus() / 100 == 4;
  }

  /** Deep names, huge and repeated indices, many parameters, long escapes. */
  private static byte[] hostile(Random random) {
    int n = 1 + random.nextInt(random.nextInt(4) == 0 ? 100_000 : 3_000);
    String text = switch (random.nextInt(6)) {
      case 0 -> "Action=CreateUser&A" + ".member.1".repeat(n) + "=v";
      case 1 -> "Action=CreateUser&A" + ".b".repeat(n) + "=v&A.b=w";
      case 2 -> "Action=CreateUser&Tags.member." + (Integer.MAX_VALUE - random.nextInt(3)) + ".Key=k"
          + "&Tags.member.999999999.Key=k&Tags.member.1000000000.Key=k";
      case 3 -> "Action=CreateUser" + "&Tags.member.1.Key=k".repeat(n);
      case 4 -> "Action=CreateUser&UserName=" + "%C3%A9".repeat(n);
      default -> "Action=CreateUser&M.entry.1.key=k&M.entry.1.value" + ".entry.1.value".repeat(n) + "=v";
    };
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
