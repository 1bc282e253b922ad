package dev.onair.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.http.HttpRequest;
import dev.onair.protocol.http.HttpResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher over an embedded channel: which requests run inline (on the loop, reads never paused), which go
 * to the worker executor (reads paused), failures answered as 500 on both paths, answers in request order.
 */
class RequestDispatcherTest {
  /** What the handler saw when it ran: on which path, and whether reading was paused meanwhile. */
  private record Seen(String path, boolean inline, boolean autoRead) {}

  /** Answers "/inline*" without blocking; "/throw*" throws, "/later" answers when the test completes it. */
  private final class Handler implements HttpHandler {
    final List<Seen> seen = new ArrayList<>();
    final CompletableFuture<HttpResponse> later = new CompletableFuture<>();
    EmbeddedChannel channel;

    @Override
    public boolean answersWithoutBlocking(HttpRequest request) {
      if (request.rawPath().equals("/classify-throws")) {
        throw new IllegalStateException("classifier bug");
      }
      return request.rawPath().startsWith("/inline") || request.rawPath().equals("/later");
    }

    @Override
    public CompletableFuture<HttpResponse> handle(HttpRequest request, String requestId) {
      seen.add(new Seen(request.rawPath(), InlineRequests.inProgress(), channel.config().isAutoRead()));
      if (request.rawPath().startsWith("/inline-throw")) {
        throw new IllegalStateException("handler bug");
      }
      if (request.rawPath().equals("/later")) {
        return later;
      }
      return CompletableFuture.completedFuture(HttpResponse.text(200, "text/plain", request.rawPath()));
    }

    @Override
    public HttpResponse requestTooLarge(HttpRequest head, String requestId, int limitBytes) {
      return HttpResponse.text(413, "text/plain", "too large");
    }

    @Override
    public HttpResponse overloaded(HttpRequest request, String requestId) {
      return HttpResponse.text(503, "text/plain", "busy");
    }
  }

  /** A worker pool that runs nothing until told, so the test decides when a worker finishes. */
  private static final class HeldWorkers implements Executor {
    final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      while (!tasks.isEmpty()) {
        tasks.poll().run();
      }
    }
  }

  private final Handler handler = new Handler();
  private final HeldWorkers workers = new HeldWorkers();
  private final EmbeddedChannel channel =
      new EmbeddedChannel(new RequestDispatcher(handler, workers, new ResponseWriter(Clock.systemUTC())));

  {
    handler.channel = channel;
  }

  private static FullHttpRequest get(String path) {
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path, Unpooled.EMPTY_BUFFER);
  }

  private List<String> answers() {
    List<String> bodies = new ArrayList<>();
    FullHttpResponse response;
    while ((response = channel.readOutbound()) != null) {
      bodies.add(response.status().code() + " " + response.content().toString(StandardCharsets.UTF_8));
      response.release();
    }
    return bodies;
  }

  @Test
  void inlineRequest_isAnsweredOnTheLoop_withoutPausingReads() {
    channel.writeInbound(get("/inline-a"));

    assertThat(answers()).containsExactly("200 /inline-a");
    assertThat(handler.seen).containsExactly(new Seen("/inline-a", true, true));
    assertThat(workers.tasks).isEmpty();
    assertThat(channel.config().isAutoRead()).isTrue();
    assertThat(InlineRequests.inProgress()).isFalse();
  }

  @Test
  void otherRequest_goesToAWorker_withReadsPaused_untilAnswered() {
    channel.writeInbound(get("/blocking"));
    assertThat(answers()).isEmpty();
    assertThat(channel.config().isAutoRead()).isFalse();

    workers.runAll();
    channel.runPendingTasks();

    assertThat(answers()).containsExactly("200 /blocking");
    assertThat(handler.seen).containsExactly(new Seen("/blocking", false, false));
    assertThat(channel.config().isAutoRead()).isTrue();
  }

  @Test
  void inlineFailure_isA500_andTheConnectionGoesOn() {
    channel.writeInbound(get("/inline-throw"));
    channel.writeInbound(get("/inline-b"));

    assertThat(answers()).containsExactly("500 Internal Server Error", "200 /inline-b");
    assertThat(channel.isActive()).isTrue();
  }

  @Test
  void failingClassifier_sendsTheRequestToAWorker() {
    channel.writeInbound(get("/classify-throws"));
    workers.runAll();
    channel.runPendingTasks();

    assertThat(answers()).containsExactly("200 /classify-throws");
    assertThat(handler.seen).containsExactly(new Seen("/classify-throws", false, false));
  }

  @Test
  void inlineAnswerThatComesLater_pausesReads_untilItIsWritten() {
    channel.writeInbound(get("/later"));
    assertThat(answers()).isEmpty();
    assertThat(channel.config().isAutoRead()).isFalse();

    handler.later.complete(HttpResponse.text(200, "text/plain", "late"));
    channel.runPendingTasks();

    assertThat(answers()).containsExactly("200 late");
    assertThat(channel.config().isAutoRead()).isTrue();
  }

  @Test
  void pipelinedRequests_areAnsweredInOrder_whicheverPathEachTakes() {
    // one read carrying three requests: a worker request first, then two the loop could answer at once
    channel.writeInbound(get("/blocking"), get("/inline-c"), get("/inline-d"));
    assertThat(answers()).isEmpty();

    workers.runAll();
    channel.runPendingTasks();

    assertThat(answers()).containsExactly("200 /blocking", "200 /inline-c", "200 /inline-d");
    assertThat(channel.config().isAutoRead()).isTrue();
  }

  @Test
  void pipelineFlood_beyondTheQueueLimit_closesTheConnection() {
    channel.writeInbound(get("/blocking"));
    for (int i = 0; i < RequestDispatcher.MAX_QUEUED; i++) {
      channel.writeInbound(get("/inline-" + i));
    }
    assertThat(channel.isOpen()).isTrue();

    channel.writeInbound(get("/inline-one-too-many"));

    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void undecodableRequest_isA400_andTheConnectionCloses() {
    FullHttpRequest bad = get("/inline-e");
    bad.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("bad header")));
    channel.writeInbound(bad);

    assertThat(answers()).containsExactly("400 Bad Request");
    assertThat(channel.isOpen()).isFalse();
    assertThat(handler.seen).isEmpty();
  }
}
