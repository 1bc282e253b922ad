package dev.onair.live.state;

/**
 * The cluster-wide half of "one publisher per channel": the local map stops two encoders on this node, the gate
 * stops two on different nodes (a lease in the shared database).
 */
public interface PublisherGate {
  /** Lets everything through: one node, nothing shared. */
  PublisherGate OPEN = new PublisherGate() {
    @Override
    public boolean admit(Broadcast broadcast) {
      return true;
    }

    @Override
    public void ended(Broadcast broadcast) {}
  };

  /** @return false when another node holds the channel: the publish is refused */
  boolean admit(Broadcast broadcast);

  /** The broadcast ended on this node (its session is already closed). */
  void ended(Broadcast broadcast);
}
