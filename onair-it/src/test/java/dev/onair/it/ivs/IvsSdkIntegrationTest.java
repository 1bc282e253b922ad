package dev.onair.it.ivs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onair.it.Clients;
import dev.onair.it.OnairExtension;
import dev.onair.it.OnairProcess;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ivs.IvsClient;
import software.amazon.awssdk.services.ivs.model.Channel;
import software.amazon.awssdk.services.ivs.model.ChannelNotBroadcastingException;
import software.amazon.awssdk.services.ivs.model.ChannelSummary;
import software.amazon.awssdk.services.ivs.model.ConflictException;
import software.amazon.awssdk.services.ivs.model.CreateChannelResponse;
import software.amazon.awssdk.services.ivs.model.IvsException;
import software.amazon.awssdk.services.ivs.model.PlaybackKeyPair;
import software.amazon.awssdk.services.ivs.model.PlaybackRestrictionPolicy;
import software.amazon.awssdk.services.ivs.model.RecordingConfiguration;
import software.amazon.awssdk.services.ivs.model.RecordingConfigurationState;
import software.amazon.awssdk.services.ivs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivs.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ivs.model.StreamKey;
import software.amazon.awssdk.services.ivs.model.ValidationException;

/** Every IVS operation and its error paths through the AWS SDK for Java v2 against a running Onair. */
class IvsSdkIntegrationTest {
  @RegisterExtension static final OnairExtension ONAIR = new OnairExtension();
  private static final String ACCOUNT = OnairProcess.ACCOUNT_ID;
  private static IvsClient ivs;

  @BeforeAll
  static void client() {
    ivs = IvsClients.ivs(ONAIR.process(), Clients.admin());
  }

  @AfterAll
  static void closeClient() {
    ivs.close();
  }

  @Test
  void channel_lifecycle() {
    CreateChannelResponse created = ivs.createChannel(r -> r.name("life").tags(Map.of("team", "blue")));
    Channel channel = created.channel();
    assertThat(channel.arn()).matches("arn:aws:ivs:us-west-2:" + ACCOUNT + ":channel/[a-zA-Z0-9]{12}");
    assertThat(channel.latencyModeAsString()).isEqualTo("LOW");
    assertThat(channel.typeAsString()).isEqualTo("STANDARD");
    assertThat(channel.authorized()).isFalse();
    assertThat(channel.insecureIngest()).isFalse();
    assertThat(channel.containerFormatAsString()).isEqualTo("TS");
    assertThat(channel.ingestEndpoint()).isNotBlank();
    assertThat(channel.playbackUrl()).contains("/api/video/v1/us-west-2." + ACCOUNT + ".channel.").endsWith(".m3u8");
    assertThat(channel.tags()).containsEntry("team", "blue");
    StreamKey key = created.streamKey();
    assertThat(key.value()).startsWith("sk_us-west-2_");
    assertThat(key.channelArn()).isEqualTo(channel.arn());

    assertThat(ivs.getChannel(r -> r.arn(channel.arn())).channel()).isEqualTo(channel);
    Channel updated = ivs.updateChannel(r -> r.arn(channel.arn()).latencyMode("NORMAL").authorized(true)).channel();
    assertThat(updated.latencyModeAsString()).isEqualTo("NORMAL");
    assertThat(updated.authorized()).isTrue();
    assertThat(updated.name()).isEqualTo("life");
    assertThat(ivs.listChannels(r -> r.filterByName("life")).channels()).extracting(ChannelSummary::arn)
        .containsExactly(channel.arn());
    assertThat(ivs.batchGetChannel(r -> r.arns(channel.arn(), channel.arn() + "x")).channels()).hasSize(1);

    ivs.deleteChannel(r -> r.arn(channel.arn()));
    var missing = catchThrowableOfType(ResourceNotFoundException.class,
        () -> ivs.getChannel(r -> r.arn(channel.arn())));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(catchThrowableOfType(ResourceNotFoundException.class,
        () -> ivs.getStreamKey(r -> r.arn(key.arn())))).isNotNull();
  }

  @Test
  void listChannels_pagesThroughMoreThanOnePage() {
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      created.add(ivs.createChannel(r -> r.name("paged")).channel().arn());
    }
    List<String> seen = new ArrayList<>();
    int pages = 0;
    for (var page : ivs.listChannelsPaginator(r -> r.filterByName("paged").maxResults(3))) {
      page.channels().forEach(summary -> seen.add(summary.arn()));
      pages++;
    }
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(new HashSet<>(seen)).isEqualTo(created);
    assertThat(pages).isGreaterThanOrEqualTo(3);
  }

  @Test
  void errors_validationConflictQuota() {
    var invalid = catchThrowableOfType(ValidationException.class, () -> ivs.createChannel(r -> r.name("bad name!")));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.getMessage()).contains("1 validation error detected: Value 'bad name!' at 'name' failed to "
        + "satisfy constraint: Member must satisfy regular expression pattern");
    var conflict = catchThrowableOfType(ConflictException.class, () -> ivs.listChannels(r -> r.filterByName("a")
        .filterByRecordingConfigurationArn("arn:aws:ivs:us-west-2:" + ACCOUNT + ":recording-configuration/abc")));
    assertThat(conflict.statusCode()).isEqualTo(409);
    String channel = ivs.createChannel(r -> r.name("quota")).channel().arn();
    var quota = catchThrowableOfType(ServiceQuotaExceededException.class,
        () -> ivs.createStreamKey(r -> r.channelArn(channel)));
    assertThat(quota.statusCode()).isEqualTo(402);
    assertThat(catchThrowableOfType(ValidationException.class, () -> ivs.getChannel(r -> r.arn("nope"))))
        .isNotNull();
  }

  @Test
  void streamKeys() {
    CreateChannelResponse created = ivs.createChannel(r -> r.name("keys"));
    String channel = created.channel().arn();
    String oldKey = created.streamKey().arn();
    assertThat(ivs.listStreamKeys(r -> r.channelArn(channel)).streamKeys()).hasSize(1);
    assertThat(ivs.getStreamKey(r -> r.arn(oldKey)).streamKey().value()).isEqualTo(created.streamKey().value());
    ivs.deleteStreamKey(r -> r.arn(oldKey));
    StreamKey fresh = ivs.createStreamKey(r -> r.channelArn(channel).tags(Map.of("k", "v"))).streamKey();
    assertThat(fresh.value()).isNotEqualTo(created.streamKey().value());
    var batch = ivs.batchGetStreamKey(r -> r.arns(fresh.arn(), oldKey));
    assertThat(batch.streamKeys()).extracting(StreamKey::arn).containsExactly(fresh.arn());
    assertThat(batch.errors()).singleElement().satisfies(error -> assertThat(error.arn()).isEqualTo(oldKey));
  }

  @Test
  void streams_offlineChannel() {
    String channel = ivs.createChannel(r -> r.name("offline")).channel().arn();
    var notLive = catchThrowableOfType(ChannelNotBroadcastingException.class,
        () -> ivs.getStream(r -> r.channelArn(channel)));
    assertThat(notLive.statusCode()).isEqualTo(404);
    assertThat(catchThrowableOfType(ChannelNotBroadcastingException.class,
        () -> ivs.stopStream(r -> r.channelArn(channel)))).isNotNull();
    assertThat(catchThrowableOfType(ChannelNotBroadcastingException.class,
        () -> ivs.putMetadata(r -> r.channelArn(channel).metadata("hi")))).isNotNull();
    assertThat(ivs.listStreams(r -> r.filterBy(f -> f.health("HEALTHY"))).streams()).isEmpty();
    assertThat(ivs.listStreamSessions(r -> r.channelArn(channel)).streamSessions()).isEmpty();
    assertThat(catchThrowableOfType(ResourceNotFoundException.class,
        () -> ivs.getStreamSession(r -> r.channelArn(channel)))).isNotNull();
  }

  @Test
  void recordingConfigurations() {
    RecordingConfiguration created = ivs.createRecordingConfiguration(r -> r.name("rec")
        .destinationConfiguration(d -> d.s3(s -> s.bucketName("onair-it-recordings")))).recordingConfiguration();
    assertThat(created.state()).isEqualTo(RecordingConfigurationState.CREATING);
    assertThat(created.thumbnailConfiguration().targetIntervalSeconds()).isEqualTo(60L);
    RecordingConfiguration fetched =
        ivs.getRecordingConfiguration(r -> r.arn(created.arn())).recordingConfiguration();
    assertThat(fetched.state()).isIn(RecordingConfigurationState.ACTIVE, RecordingConfigurationState.CREATE_FAILED);
    assertThat(ivs.listRecordingConfigurations(r -> r.maxResults(100)).recordingConfigurations())
        .anySatisfy(summary -> assertThat(summary.arn()).isEqualTo(created.arn()));
    String channel = ivs.createChannel(r -> r.recordingConfigurationArn(created.arn())).channel().arn();
    assertThat(catchThrowableOfType(ConflictException.class,
        () -> ivs.deleteRecordingConfiguration(r -> r.arn(created.arn())))).isNotNull();
    ivs.deleteChannel(r -> r.arn(channel));
    ivs.deleteRecordingConfiguration(r -> r.arn(created.arn()));
  }

  @Test
  void playbackKeyPairsAndPolicies() throws Exception {
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String material = p384Pem();
      PlaybackKeyPair keyPair = ivs.importPlaybackKeyPair(r -> r.publicKeyMaterial(material).name("k")).keyPair();
      assertThat(keyPair.fingerprint()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
      arns.add(keyPair.arn());
    }
    String fourth = p384Pem();
    assertThat(catchThrowableOfType(ServiceQuotaExceededException.class,
        () -> ivs.importPlaybackKeyPair(r -> r.publicKeyMaterial(fourth)))).isNotNull();
    assertThat(ivs.listPlaybackKeyPairs(r -> { }).keyPairs()).hasSize(3);
    assertThat(ivs.getPlaybackKeyPair(r -> r.arn(arns.get(0))).keyPair().name()).isEqualTo("k");
    for (String arn : arns) {
      ivs.deletePlaybackKeyPair(r -> r.arn(arn));
    }
    assertThat(catchThrowableOfType(ValidationException.class,
        () -> ivs.importPlaybackKeyPair(r -> r.publicKeyMaterial("not a key")))).isNotNull();

    PlaybackRestrictionPolicy policy = ivs.createPlaybackRestrictionPolicy(r -> r.allowedCountries("US", "MX")
        .allowedOrigins("https://example.com").name("geo")).playbackRestrictionPolicy();
    assertThat(policy.enableStrictOriginEnforcement()).isFalse();
    assertThat(ivs.updatePlaybackRestrictionPolicy(r -> r.arn(policy.arn()).enableStrictOriginEnforcement(true))
        .playbackRestrictionPolicy().enableStrictOriginEnforcement()).isTrue();
    assertThat(ivs.getPlaybackRestrictionPolicy(r -> r.arn(policy.arn())).playbackRestrictionPolicy()
        .allowedCountries()).containsExactly("US", "MX");
    assertThat(ivs.listPlaybackRestrictionPolicies(r -> r.maxResults(100)).playbackRestrictionPolicies())
        .isNotEmpty();
    ivs.deletePlaybackRestrictionPolicy(r -> r.arn(policy.arn()));
  }

  @Test
  void viewerSessionRevocation() {
    String channel = ivs.createChannel(r -> r.authorized(true)).channel().arn();
    ivs.startViewerSessionRevocation(r -> r.channelArn(channel).viewerId("viewer-1")
        .viewerSessionVersionsLessThanOrEqualTo(3));
    String missing = "arn:aws:ivs:us-west-2:" + ACCOUNT + ":channel/zzzzzzzzzzzz";
    var result = ivs.batchStartViewerSessionRevocation(r -> r.viewerSessions(
        s -> s.channelArn(channel).viewerId("viewer-2"), s -> s.channelArn(missing).viewerId("viewer-3")));
    assertThat(result.errors()).singleElement().satisfies(error -> assertThat(error.channelArn()).isEqualTo(missing));
  }

  @Test
  void tags() {
    String channel = ivs.createChannel(r -> r.name("tagged")).channel().arn();
    ivs.tagResource(r -> r.resourceArn(channel).tags(Map.of("a", "1", "b", "2")));
    assertThat(ivs.listTagsForResource(r -> r.resourceArn(channel)).tags()).containsExactlyInAnyOrderEntriesOf(
        Map.of("a", "1", "b", "2"));
    ivs.untagResource(r -> r.resourceArn(channel).tagKeys("a"));
    assertThat(ivs.listTagsForResource(r -> r.resourceArn(channel)).tags()).containsExactlyEntriesOf(Map.of("b", "2"));
    assertThat(catchThrowableOfType(ValidationException.class,
        () -> ivs.tagResource(r -> r.resourceArn(channel).tags(Map.of("aws:reserved", "x"))))).isNotNull();
    assertThat(catchThrowableOfType(ResourceNotFoundException.class,
        () -> ivs.listTagsForResource(r -> r.resourceArn(channel + "nope")))).isNotNull();
  }

  @Test
  void rawJson_malformedIsValidation_unknownFieldsIgnored() {
    var malformed = IvsClients.post(ONAIR.process(), "CreateChannel", "{\"name\": ");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("x-amzn-ErrorType").orElse("")).startsWith("ValidationException");
    var unknown = IvsClients.post(ONAIR.process(), "CreateChannel", "{\"name\":\"raw\",\"someFutureMember\":42}");
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body()).contains("\"name\":\"raw\"").contains("\"streamKey\"");
  }

  @Test
  void unknownOperationIsAnErrorNot500() {
    var response = IvsClients.post(ONAIR.process(), "NoSuchOperation", "{}");
    assertThat(response.statusCode()).isBetween(400, 499);
  }

  static String p384Pem() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    byte[] der = generator.generateKeyPair().getPublic().getEncoded();
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END PUBLIC KEY-----\n";
  }

  static void assertAccessDenied(Runnable call) {
    IvsException denied = catchThrowableOfType(IvsException.class, call::run);
    assertThat(denied).isNotNull();
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
  }
}
