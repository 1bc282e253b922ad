package dev.onair.ivs;

import dev.onair.ivs.model.PlaybackKeyPair;
import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.model.ViewerSessionRevocation;
import dev.onair.protocol.Secret;
import java.util.Optional;

/**
 * What the data plane asks the control plane, without going through the AWS API: which channel a stream key
 * publishes to, the channel's settings, the keys that verify playback tokens, and revocations.
 */
public final class IvsAdmin {
  private final IvsDependencies deps;

  public IvsAdmin(IvsDependencies deps) {
    this.deps = deps;
  }

  /** The stream key a broadcaster presented, if it exists (RTMP publish authentication). */
  public Optional<StreamKey> streamKey(Secret value) {
    return deps.streamKeys().findByValue(value);
  }

  public Optional<dev.onair.ivs.model.Channel> channel(String channelArn) {
    return deps.channels().find(channelArn);
  }

  /** The account's imported playback keys in a region, any of which may verify a private channel's token. */
  public java.util.List<PlaybackKeyPair> playbackKeys(String accountId, String region) {
    return deps.playbackKeyPairs().page(accountId, region, null, Integer.MAX_VALUE);
  }

  public boolean revoked(String channelArn, String viewerId, long sessionVersion) {
    Optional<ViewerSessionRevocation> revocation = deps.viewerSessionRevocations().find(channelArn, viewerId);
    return revocation.isPresent() && revocation.get().revokes(channelArn, viewerId, sessionVersion);
  }
}
