package dev.onair.monitoring;

import dev.onair.protocol.CallContext;
import dev.onair.protocol.Caller;
import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import java.time.Instant;

/** Call contexts for driving operations without the front door. */
public final class TestContexts {
  public static final String ACCOUNT = "123456789012";
  public static final String REGION = "us-west-2";

  private TestContexts() {}

  public static CallContext alice(Instant now) {
    Caller caller =
        new Caller(
            Caller.CallerType.USER, ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/alice", "AIDAALICE", "alice",
            "AKIAALICE", null, null, null, null);
    HttpRequest request =
        new HttpRequest("POST", "/", "", HttpHeaders.of("user-agent", "test-agent"), new byte[0], "192.0.2.1", false);
    return new CallContext("req-1", ACCOUNT, REGION, caller, now, request, (context, check) -> {});
  }
}
