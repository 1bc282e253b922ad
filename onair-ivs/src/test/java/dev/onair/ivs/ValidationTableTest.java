package dev.onair.ivs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every constraint of the IVS model, one row each: the operation, a violating input, and AWS's message. */
class ValidationTableTest {
  private static final String CH = "arn:aws:ivs:us-west-2:111122223333:channel/abcdABCDefgh";
  private static final String SK = "arn:aws:ivs:us-west-2:111122223333:stream-key/abcdABCDefgh";
  private static final String LONG_NAME = "n".repeat(129);

  static Stream<Arguments> violations() {
    return Stream.of(
        row("CreateChannel", List.of("name", "a b"), "Value 'a b' at 'name' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: [a-zA-Z0-9-_]*"),
        row("CreateChannel", List.of("name", LONG_NAME), "at 'name' failed to satisfy constraint: Member must have "
            + "length less than or equal to 128"),
        row("CreateChannel", List.of("latencyMode", "FAST"), "Value 'FAST' at 'latencyMode' failed to satisfy "
            + "constraint: Member must satisfy enum value set: [NORMAL, LOW]"),
        row("CreateChannel", List.of("type", "HUGE"), "Member must satisfy enum value set: [BASIC, STANDARD, "
            + "ADVANCED_SD, ADVANCED_HD]"),
        row("CreateChannel", List.of("preset", "X"), "at 'preset'"),
        row("CreateChannel", List.of("containerFormat", "MKV"), "Member must satisfy enum value set: [TS, "
            + "FRAGMENTED_MP4]"),
        row("CreateChannel", List.of("authorized", "maybe"), "at 'authorized' failed to satisfy constraint: Member "
            + "must be a boolean"),
        row("CreateChannel", List.of("recordingConfigurationArn", "arn:x"), "at 'recordingConfigurationArn'"),
        row("CreateChannel", List.of("playbackRestrictionPolicyArn", CH), "at 'playbackRestrictionPolicyArn'"),
        row("CreateChannel", List.of("adConfigurationArn", "x"), "at 'adConfigurationArn'"),
        row("CreateChannel", List.of("multitrackInputConfiguration", Map.of("policy", "NEVER")),
            "at 'multitrackInputConfiguration.policy'"),
        row("CreateChannel", List.of("multitrackInputConfiguration", Map.of("maximumResolution", "8K")),
            "at 'multitrackInputConfiguration.maximumResolution'"),
        row("CreateChannel", List.of("tags", Map.of("", "v")), "at 'tags' failed to satisfy constraint: Map keys "
            + "must satisfy constraint: [Member must have length greater than or equal to 1"),
        row("CreateChannel", List.of("tags", Map.of("k", "v".repeat(257))), "Map value must satisfy constraint: "
            + "[Member must have length less than or equal to 256"),
        row("CreateChannel", List.of("tags", Map.of("k!", "v")), "Map keys must satisfy constraint: [Member must "
            + "satisfy regular expression pattern"),
        row("CreateChannel", List.of("tags", manyTags()), "at 'tags' failed to satisfy constraint: Member must "
            + "have length less than or equal to 50"),
        row("GetChannel", List.of(), "Value null at 'arn' failed to satisfy constraint: Member must not be null"),
        row("GetChannel", List.of("arn", SK), "Member must satisfy regular expression pattern: "
            + "arn:aws:ivs:[a-z0-9-]+:[0-9]+:channel/[a-zA-Z0-9-]+"),
        row("GetChannel", List.of("arn", ""), "Member must have length greater than or equal to 1"),
        row("BatchGetChannel", List.of("arns", List.of()), "at 'arns' failed to satisfy constraint: Member must "
            + "have length greater than or equal to 1"),
        row("BatchGetChannel", List.of("arns", java.util.Collections.nCopies(51, CH)), "Member must have length "
            + "less than or equal to 50"),
        row("BatchGetChannel", List.of("arns", List.of(CH, "bad")), "Value 'bad' at 'arns.2.member'"),
        row("BatchGetStreamKey", List.of("arns", List.of(CH)), "at 'arns.1.member'"),
        row("ListChannels", List.of("maxResults", 0), "Value '0' at 'maxResults' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1"),
        row("ListChannels", List.of("maxResults", 101), "Member must have value less than or equal to 100"),
        row("ListChannels", List.of("nextToken", "a b"), "at 'nextToken'"),
        row("ListChannels", List.of("nextToken", "a".repeat(1025)), "less than or equal to 1024"),
        row("ListChannels", List.of("filterByName", "x y"), "at 'filterByName'"),
        row("ListStreamKeys", List.of("channelArn", CH, "maxResults", 51), "less than or equal to 50"),
        row("ListStreamKeys", List.of(), "at 'channelArn'"),
        row("CreateStreamKey", List.of(), "Value null at 'channelArn'"),
        row("DeleteStreamKey", List.of("arn", CH), "stream-key/"),
        row("GetStreamSession", List.of("channelArn", CH, "streamId", "st-short"), "at 'streamId' failed to "
            + "satisfy constraint: Member must have length greater than or equal to 26"),
        row("GetStreamSession", List.of("channelArn", CH, "streamId", "xx-" + "a".repeat(23)),
            "Member must satisfy regular expression pattern: st-[a-zA-Z0-9]+"),
        row("ListStreams", List.of("filterBy", Map.of("health", "SICK")), "at 'filterBy.health'"),
        row("PutMetadata", List.of("channelArn", CH), "Value null at 'metadata'"),
        row("PutMetadata", List.of("channelArn", CH, "metadata", ""), "Value '***' at 'metadata' failed to satisfy "
            + "constraint: Member must have length greater than or equal to 1"),
        row("StartViewerSessionRevocation", List.of("channelArn", CH, "viewerId", ""), "at 'viewerId'"),
        row("StartViewerSessionRevocation", List.of("channelArn", CH, "viewerId", "v",
            "viewerSessionVersionsLessThanOrEqualTo", -1), "Member must have value greater than or equal to 0"),
        row("BatchStartViewerSessionRevocation", List.of("viewerSessions", java.util.Collections.nCopies(21,
            Map.of("channelArn", CH, "viewerId", "v"))), "less than or equal to 20"),
        row("BatchStartViewerSessionRevocation", List.of("viewerSessions", List.of(Map.of("viewerId", "v"))),
            "Value null at 'viewerSessions.1.member.channelArn'"),
        row("CreateRecordingConfiguration", List.of("destinationConfiguration",
            Map.of("s3", Map.of("bucketName", "ab"))), "at 'destinationConfiguration.s3.bucketName' failed to "
            + "satisfy constraint: Member must have length greater than or equal to 3"),
        row("CreateRecordingConfiguration", List.of("destinationConfiguration",
            Map.of("s3", Map.of("bucketName", "Upper"))), "pattern: [a-z0-9-.]+"),
        row("CreateRecordingConfiguration", List.of("destinationConfiguration",
            Map.of("s3", Map.of("bucketName", "abc")), "thumbnailConfiguration",
            Map.of("targetIntervalSeconds", 61)), "at 'thumbnailConfiguration.targetIntervalSeconds'"),
        row("CreateRecordingConfiguration", List.of("destinationConfiguration",
            Map.of("s3", Map.of("bucketName", "abc")), "thumbnailConfiguration",
            Map.of("recordingMode", "ALWAYS")), "enum value set: [DISABLED, INTERVAL]"),
        row("CreateRecordingConfiguration", List.of("destinationConfiguration",
            Map.of("s3", Map.of("bucketName", "abc")), "thumbnailConfiguration",
            Map.of("storage", List.of("CLOUD"))), "at 'thumbnailConfiguration.storage.1.member'"),
        row("CreateRecordingConfiguration", List.of("destinationConfiguration",
            Map.of("s3", Map.of("bucketName", "abc")), "renditionConfiguration",
            Map.of("renditions", List.of("4K"))), "at 'renditionConfiguration.renditions.1.member'"),
        row("CreateRecordingConfiguration", List.of("destinationConfiguration",
            Map.of("s3", Map.of("bucketName", "abc")), "recordingReconnectWindowSeconds", -1),
            "greater than or equal to 0"),
        row("GetRecordingConfiguration", List.of("arn", CH), "recording-configuration/"),
        row("ImportPlaybackKeyPair", List.of("publicKeyMaterial", "x", "name", "a b"), "at 'name'"),
        row("GetPlaybackKeyPair", List.of("arn", CH), "playback-key/"),
        row("CreatePlaybackRestrictionPolicy", List.of("allowedCountries", List.of("U")), "at "
            + "'allowedCountries.1.member' failed to satisfy constraint: Member must have length greater than or "
            + "equal to 2"),
        row("CreatePlaybackRestrictionPolicy", List.of("allowedOrigins", List.of("o".repeat(129))),
            "at 'allowedOrigins.1.member'"),
        row("UpdatePlaybackRestrictionPolicy", List.of(), "Value null at 'arn'"),
        row("TagResource", List.of("resourceArn", CH), "Value null at 'tags'"),
        row("TagResource", List.of("resourceArn", "arn:aws:s3:::bucket", "tags", Map.of()), "at 'resourceArn'"),
        row("UntagResource", List.of("resourceArn", CH), "Value null at 'tagKeys'"),
        row("UntagResource", List.of("resourceArn", CH, "tagKeys", List.of("")), "at 'tagKeys.1.member'"),
        row("ListTagsForResource", List.of(), "Value null at 'resourceArn'"));
  }

  private static Arguments row(String operation, List<Object> input, String expected) {
    return Arguments.of(operation, input, expected);
  }

  private static Map<String, String> manyTags() {
    Map<String, String> tags = new java.util.HashMap<>();
    for (int i = 0; i < 51; i++) {
      tags.put("k" + i, "v");
    }
    return tags;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("violations")
  void rejectsWithValidationException(String operation, List<Object> input, String expected) {
    IvsHarness ivs = new IvsHarness();
    var error = ivs.fail(operation, input.toArray());
    assertThat(error.errorCode()).isEqualTo(IvsErrorCode.VALIDATION);
    assertThat(error.errorCode().httpStatus()).isEqualTo(400);
    assertThat(error.getMessage()).matches("\\d+ validation errors? detected: .*").contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void validationPrecedesAuthorization(String operation, List<Object> input, String expected) {
    IvsHarness ivs = new IvsHarness();
    ivs.authorizer.deny = check -> true;
    assertThat(ivs.fail(operation, input.toArray()).errorCode()).isEqualTo(IvsErrorCode.VALIDATION);
  }
}
