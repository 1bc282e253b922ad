package dev.onair.ivs.fakes;

import dev.onair.ivs.model.ViewerSessionRevocation;
import dev.onair.ivs.port.ViewerSessionRevocationRepository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryViewerSessionRevocationRepository implements ViewerSessionRevocationRepository {
  private final Map<String, ViewerSessionRevocation> rows = new ConcurrentHashMap<>();

  @Override
  public void save(ViewerSessionRevocation revocation) {
    rows.put(revocation.channelArn() + "\n" + revocation.viewerId(), revocation);
  }

  @Override
  public Optional<ViewerSessionRevocation> find(String channelArn, String viewerId) {
    return Optional.ofNullable(rows.get(channelArn + "\n" + viewerId));
  }

  @Override
  public void deleteByChannel(String channelArn) {
    rows.keySet().removeIf(key -> key.startsWith(channelArn + "\n"));
  }
}
