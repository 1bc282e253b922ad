package dev.onair.ivs;

import static java.util.Objects.requireNonNull;

import dev.onair.ivs.ops.ChannelOperations;
import dev.onair.ivs.ops.PlaybackKeyPairOperations;
import dev.onair.ivs.ops.PlaybackRestrictionPolicyOperations;
import dev.onair.ivs.ops.RecordingConfigurationOperations;
import dev.onair.ivs.ops.StreamKeyOperations;
import dev.onair.ivs.ops.StreamOperations;
import dev.onair.ivs.ops.TagOperations;
import dev.onair.ivs.ops.ViewerSessionOperations;
import dev.onair.protocol.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * The IVS low-latency API (2020-07-14): every operation, grouped by the resource it manages. Each group is a small
 * class; this one only assembles them.
 */
public final class IvsService {
  private final IvsDependencies deps;

  public IvsService(IvsDependencies deps) {
    this.deps = requireNonNull(deps, "deps is null");
  }

  public List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    operations.addAll(new ChannelOperations(deps).operations());
    operations.addAll(new StreamKeyOperations(deps).operations());
    operations.addAll(new StreamOperations(deps).operations());
    operations.addAll(new RecordingConfigurationOperations(deps).operations());
    operations.addAll(new PlaybackKeyPairOperations(deps).operations());
    operations.addAll(new PlaybackRestrictionPolicyOperations(deps).operations());
    operations.addAll(new ViewerSessionOperations(deps).operations());
    operations.addAll(new TagOperations(deps).operations());
    return List.copyOf(operations);
  }

  public IvsDependencies dependencies() {
    return deps;
  }
}
