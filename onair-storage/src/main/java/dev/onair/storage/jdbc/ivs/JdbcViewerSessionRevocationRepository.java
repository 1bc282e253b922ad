package dev.onair.storage.jdbc.ivs;

import dev.onair.ivs.model.ViewerSessionRevocation;
import dev.onair.ivs.port.ViewerSessionRevocationRepository;
import dev.onair.storage.Jdbc;
import java.util.Optional;

final class JdbcViewerSessionRevocationRepository implements ViewerSessionRevocationRepository {
  private final Jdbc jdbc;

  JdbcViewerSessionRevocationRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void save(ViewerSessionRevocation revocation) {
    jdbc.upsertTransaction(tx -> {
      int changed = tx.update("update ivs_viewer_session_revocation set versions_less_than_or_equal = ?,"
              + " requested_at = ? where channel_arn = ? and viewer_id = ?",
          revocation.versionsLessThanOrEqualTo(), revocation.requestedAt(), revocation.channelArn(),
          revocation.viewerId());
      if (changed == 0) {
        tx.update("insert into ivs_viewer_session_revocation (channel_arn, viewer_id, versions_less_than_or_equal,"
                + " requested_at) values (?, ?, ?, ?)",
            revocation.channelArn(), revocation.viewerId(), revocation.versionsLessThanOrEqualTo(),
            revocation.requestedAt());
      }
    });
  }

  @Override
  public Optional<ViewerSessionRevocation> find(String channelArn, String viewerId) {
    return jdbc.queryOne("select channel_arn, viewer_id, versions_less_than_or_equal, requested_at"
            + " from ivs_viewer_session_revocation where channel_arn = ? and viewer_id = ?",
        row -> new ViewerSessionRevocation(row.string("channel_arn"), row.string("viewer_id"),
            row.integer("versions_less_than_or_equal"), row.instant("requested_at")),
        channelArn, viewerId);
  }

  @Override
  public void deleteByChannel(String channelArn) {
    jdbc.update("delete from ivs_viewer_session_revocation where channel_arn = ?", channelArn);
  }
}
