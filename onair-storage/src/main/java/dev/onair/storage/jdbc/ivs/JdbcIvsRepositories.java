package dev.onair.storage.jdbc.ivs;

import static java.util.Objects.requireNonNull;

import dev.onair.ivs.port.ChannelRepository;
import dev.onair.ivs.port.PlaybackKeyPairRepository;
import dev.onair.ivs.port.PlaybackRestrictionPolicyRepository;
import dev.onair.ivs.port.RecordingConfigurationRepository;
import dev.onair.ivs.port.StreamKeyRepository;
import dev.onair.ivs.port.TagRepository;
import dev.onair.ivs.port.ViewerSessionRevocationRepository;
import dev.onair.storage.Jdbc;
import dev.onair.storage.SecretCipher;

/** The JDBC implementations of every IVS repository port, over one database (schema: V200__ivs.sql, quota counters: V210). */
public record JdbcIvsRepositories(
    ChannelRepository channels,
    StreamKeyRepository streamKeys,
    RecordingConfigurationRepository recordingConfigurations,
    PlaybackKeyPairRepository playbackKeyPairs,
    PlaybackRestrictionPolicyRepository playbackRestrictionPolicies,
    ViewerSessionRevocationRepository viewerSessionRevocations,
    TagRepository tags) {

  /** @param cipher encrypts stream key values at rest */
  public static JdbcIvsRepositories create(Jdbc jdbc, SecretCipher cipher) {
    requireNonNull(jdbc, "jdbc is null");
    requireNonNull(cipher, "cipher is null");
    return new JdbcIvsRepositories(
        new JdbcChannelRepository(jdbc, cipher),
        new JdbcStreamKeyRepository(jdbc, cipher),
        new JdbcRecordingConfigurationRepository(jdbc),
        new JdbcPlaybackKeyPairRepository(jdbc),
        new JdbcPlaybackRestrictionPolicyRepository(jdbc),
        new JdbcViewerSessionRevocationRepository(jdbc),
        new JdbcIvsTagRepository(jdbc));
  }
}
