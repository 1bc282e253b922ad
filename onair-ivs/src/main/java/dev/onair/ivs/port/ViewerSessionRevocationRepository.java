package dev.onair.ivs.port;

import dev.onair.ivs.model.ViewerSessionRevocation;
import java.util.Optional;

/** Revocations per channel and viewer; the playback path asks {@link #find} before honouring a token. */
public interface ViewerSessionRevocationRepository {
  /** Stores the revocation, replacing an earlier one for the same channel and viewer. */
  void save(ViewerSessionRevocation revocation);

  Optional<ViewerSessionRevocation> find(String channelArn, String viewerId);

  void deleteByChannel(String channelArn);
}
