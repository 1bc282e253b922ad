package dev.onair.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.ivs.model.AudioConfiguration;
import dev.onair.ivs.model.LiveStream;
import dev.onair.ivs.model.StreamEvent;
import dev.onair.ivs.model.StreamHealth;
import dev.onair.ivs.model.StreamSession;
import dev.onair.ivs.model.VideoConfiguration;
import dev.onair.ivs.port.LiveStreamState;
import dev.onair.protocol.tree.StructNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamOperationsTest {
  private final IvsHarness ivs = new IvsHarness();

  @Test
  void offlineChannel() {
    String channel = ivs.createChannel();
    assertThat(ivs.fail("GetStream", "channelArn", channel).errorCode())
        .isEqualTo(IvsErrorCode.CHANNEL_NOT_BROADCASTING);
    assertThat(ivs.fail("StopStream", "channelArn", channel).errorCode())
        .isEqualTo(IvsErrorCode.CHANNEL_NOT_BROADCASTING);
    assertThat(ivs.fail("PutMetadata", "channelArn", channel, "metadata", "x").errorCode())
        .isEqualTo(IvsErrorCode.CHANNEL_NOT_BROADCASTING);
    assertThat(ivs.call("ListStreams").list("streams").items()).isEmpty();
    assertThat(ivs.call("ListStreamSessions", "channelArn", channel).list("streamSessions").items()).isEmpty();
    assertThat(ivs.fail("GetStreamSession", "channelArn", channel).errorCode())
        .isEqualTo(IvsErrorCode.RESOURCE_NOT_FOUND);
    assertThat(LiveStreamState.offline().liveStreams("1", "r")).isEmpty();
  }

  @Test
  void liveChannel() {
    String channel = ivs.createChannel();
    String streamId = "st-1AuTyMDASvHUTSb8p5PvbsO";
    Instant start = Instant.parse("2024-01-01T10:00:00.123Z");
    ivs.live.live.put(channel, new LiveStream(channel, streamId, start, StreamHealth.HEALTHY, 3));
    ivs.live.sessions.put(channel, List.of(new StreamSession(channel, streamId, start, null,
        List.of(new VideoConfiguration("Main", "4.0", "avc1.4D4028", "obs", 6_000_000L, 30L, 1080L, 1920L, "4.0",
            "Track0", "Main")),
        List.of(new AudioConfiguration("mp4a.40.2", 160_000L, 48_000L, 2L, "Track0")),
        List.of(new StreamEvent("Stream Start", "IVS Stream State Change", start, null)), false)));

    StructNode stream = ivs.call("GetStream", "channelArn", channel).struct("stream");
    assertThat(stream.string("state")).isEqualTo("LIVE");
    assertThat(stream.string("startTime")).isEqualTo("2024-01-01T10:00:00Z");
    assertThat(stream.longValue("viewerCount")).isEqualTo(3);
    assertThat(stream.string("playbackUrl")).endsWith(".m3u8");

    assertThat(ivs.call("ListStreams", "filterBy", Map.of("health", "STARVING")).list("streams").items()).isEmpty();
    assertThat(ivs.call("ListStreams", "filterBy", Map.of("health", "HEALTHY")).list("streams").items()).hasSize(1);
    assertThat(ivs.fail("ListStreams", "filterBy", Map.of("health", "BAD")).getMessage())
        .contains("at 'filterBy.health'");

    StructNode session = ivs.call("GetStreamSession", "channelArn", channel).struct("streamSession");
    assertThat(session.string("streamId")).isEqualTo(streamId);
    assertThat(session.has("endTime")).isFalse();
    assertThat(session.struct("ingestConfiguration").struct("video").string("codec")).isEqualTo("avc1.4D4028");
    assertThat(session.struct("channel").string("arn")).isEqualTo(channel);
    assertThat(session.list("truncatedEvents").items()).hasSize(1);

    ivs.call("PutMetadata", "channelArn", channel, "metadata", "hello");
    assertThat(ivs.live.metadata).containsExactly("hello");
    assertThat(ivs.fail("PutMetadata", "channelArn", channel, "metadata", "x".repeat(1025)).errorCode())
        .isEqualTo(IvsErrorCode.VALIDATION);
    var e = ivs.fail("PutMetadata", "channelArn", channel, "metadata", "");
    assertThat(e.getMessage()).contains("Value '***' at 'metadata'");

    assertThat(ivs.call("StopStream", "channelArn", channel).members()).isEmpty();
    assertThat(ivs.live.stopped).containsExactly(channel);
  }

  @Test
  void listStreamSessions_pages() {
    String channel = ivs.createChannel();
    List<StreamSession> sessions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sessions.add(new StreamSession(channel, "st-" + String.format("%023d", i), Instant.EPOCH, Instant.EPOCH,
          List.of(), List.of(), List.of(), false));
    }
    ivs.live.sessions.put(channel, sessions);
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      StructNode page = token == null
          ? ivs.call("ListStreamSessions", "channelArn", channel, "maxResults", 2)
          : ivs.call("ListStreamSessions", "channelArn", channel, "maxResults", 2, "nextToken", token);
      page.list("streamSessions").items().forEach(n -> ids.add(((StructNode) n).string("streamId")));
      token = page.string("nextToken");
    } while (token != null);
    assertThat(ids).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void throttling_whenEnabled() {
    String channel = ivs.createChannel();
    ivs.throttle.setEnabled(true);
    ivs.throttle.setRate("GetChannel", 2);
    ivs.call("GetChannel", "arn", channel);
    ivs.call("GetChannel", "arn", channel);
    var e = ivs.fail("GetChannel", "arn", channel);
    assertThat(e.errorCode()).isEqualTo(IvsErrorCode.THROTTLING);
    assertThat(e.errorCode().httpStatus()).isEqualTo(429);
    ivs.throttle.setEnabled(false);
    ivs.call("GetChannel", "arn", channel);
  }
}
