package dev.onair.iam.store;

import dev.onair.iam.model.StsSession;
import dev.onair.protocol.Secret;
import java.time.Instant;
import java.util.Optional;

/** Temporary credentials; their secret and session token are encrypted at rest by the implementation. */
public interface SessionRepository {
  record StoredSession(StsSession session, Secret secretAccessKey, Secret sessionToken) {}

  void create(StsSession session, Secret secretAccessKey, Secret sessionToken);

  Optional<StoredSession> find(String accessKeyId);

  /** Removes sessions that expired before {@code cutoff}; returns how many. */
  int deleteExpired(Instant cutoff);
}
