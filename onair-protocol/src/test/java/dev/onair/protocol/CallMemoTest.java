package dev.onair.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.http.HttpHeaders;
import dev.onair.protocol.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CallMemoTest {
  private final CallMemo<String> memo = new CallMemo<>();

  private static CallContext call() {
    Caller caller = new Caller(Caller.CallerType.ROOT, "111122223333", "arn:aws:iam::111122223333:root",
        "111122223333", null, "AKIAEXAMPLE", null, null, null, Map.of());
    HttpRequest request = new HttpRequest("POST", "/", "", HttpHeaders.EMPTY, new byte[0], "127.0.0.1", false);
    return new CallContext("req", "111122223333", "us-east-1", caller, Instant.EPOCH, request, (c, check) -> { });
  }

  @Test
  void theHandlerOfTheSameCallTakesWhatItsChecksPut_once() {
    CallContext call = call();
    assertThat(memo.put(call, "arn:a", "read by the check")).isEqualTo("read by the check");
    assertThat(memo.take(call, "arn:a", () -> "read again")).isEqualTo("read by the check");
    assertThat(memo.take(call, "arn:a", () -> "read again")).isEqualTo("read again");
  }

  @Test
  void anythingElseReadsForItself() {
    CallContext call = call();
    record Case(String name, CallContext takenBy, String key) {}
    for (Case c : new Case[] {
        new Case("another call (e.g. after a denied check)", call(), "arn:a"),
        new Case("another resource", call, "arn:b"),
    }) {
      memo.put(call, "arn:a", "read by the check");
      assertThat(memo.take(c.takenBy(), c.key(), () -> "read again")).as(c.name()).isEqualTo("read again");
      // and the slot is empty afterwards, whoever took
      assertThat(memo.take(call, "arn:a", () -> "read again")).as(c.name()).isEqualTo("read again");
    }
    assertThat(memo.take(call, "arn:a", () -> "nothing put")).isEqualTo("nothing put");
  }

  @Test
  void aHandlerOnAnotherThreadReadsForItself() {
    CallContext call = call();
    memo.put(call, "arn:a", "read by the check");
    String taken = CompletableFuture.supplyAsync(() -> memo.take(call, "arn:a", () -> "read again")).join();
    assertThat(taken).isEqualTo("read again");
  }
}
