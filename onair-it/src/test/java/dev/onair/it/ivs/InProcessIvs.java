package dev.onair.it.ivs;

import dev.onair.ivs.IdGenerator;
import dev.onair.ivs.IvsDependencies;
import dev.onair.ivs.IvsEndpoints;
import dev.onair.ivs.IvsQuotas;
import dev.onair.ivs.IvsService;
import dev.onair.ivs.IvsThrottle;
import dev.onair.ivs.port.LiveStreamState;
import dev.onair.ivs.port.ServiceLinkedRoleCreator;
import dev.onair.storage.Database;
import dev.onair.storage.DatabaseSettings;
import dev.onair.storage.SecretCipher;
import dev.onair.storage.jdbc.ivs.JdbcIvsRepositories;
import java.nio.file.Path;
import java.time.Clock;

/** The IVS service over the real JDBC repositories on an embedded H2 database, without the network. */
final class InProcessIvs implements AutoCloseable {
  final Database database;
  final JdbcIvsRepositories repositories;
  final IvsService service;

  InProcessIvs(Path dataDir) {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    repositories = JdbcIvsRepositories.create(database.jdbc(), SecretCipher.load(dataDir, null));
    Clock clock = Clock.systemUTC();
    service = new IvsService(new IvsDependencies(
        repositories.channels(), repositories.streamKeys(), repositories.recordingConfigurations(),
        repositories.playbackKeyPairs(), repositories.playbackRestrictionPolicies(),
        repositories.viewerSessionRevocations(), repositories.tags(), LiveStreamState.offline(),
        (account, region, bucket) -> false,
        new ServiceLinkedRoleCreator() {
          @Override
          public boolean exists(String accountId) {
            return true;
          }

          @Override
          public void create(String accountId) {}
        },
        new IvsEndpoints("localhost", 8080, 1935, 0), new IvsQuotas(), IvsThrottle.disabled(clock),
        new IdGenerator(), clock));
  }

  @Override
  public void close() {
    database.close();
  }
}
