package dev.onair.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.Operation;
import org.junit.jupiter.api.Test;

/**
 * The operations IVS declares read-only, which the front door may answer on an event loop (embedded store): every
 * one only reads; a new operation lands in one list or the other on purpose.
 */
class ReadOnlyOperationsTest {
  @Test
  void readOnlyOperations_areExactlyTheReads() {
    var definition = new IvsHarness().definition;

    assertThat(definition.operations().values().stream().filter(Operation::readOnly).map(Operation::name))
        .containsExactlyInAnyOrder(
            "GetChannel", "BatchGetChannel", "ListChannels",
            "GetStreamKey", "BatchGetStreamKey", "ListStreamKeys",
            "GetStream", "ListStreams", "GetStreamSession", "ListStreamSessions",
            "GetRecordingConfiguration", "ListRecordingConfigurations",
            "GetPlaybackKeyPair", "ListPlaybackKeyPairs",
            "GetPlaybackRestrictionPolicy", "ListPlaybackRestrictionPolicies",
            "ListTagsForResource");
    assertThat(definition.operations().values().stream().filter(operation -> !operation.readOnly())
            .map(Operation::name))
        .containsExactlyInAnyOrder(
            "CreateChannel", "UpdateChannel", "DeleteChannel",
            "CreateStreamKey", "DeleteStreamKey",
            "StopStream", "PutMetadata",
            "CreateRecordingConfiguration", "DeleteRecordingConfiguration",
            "ImportPlaybackKeyPair", "DeletePlaybackKeyPair",
            "CreatePlaybackRestrictionPolicy", "UpdatePlaybackRestrictionPolicy", "DeletePlaybackRestrictionPolicy",
            "TagResource", "UntagResource",
            "StartViewerSessionRevocation", "BatchStartViewerSessionRevocation");
  }
}
