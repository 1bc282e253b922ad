package dev.onair.ivs.ops;

import dev.onair.ivs.IvsDependencies;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.ViewerSessionRevocation;
import dev.onair.ivs.validate.Input;
import dev.onair.ivs.validate.Rules;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.List;

/** StartViewerSessionRevocation and BatchStartViewerSessionRevocation. */
public final class ViewerSessionOperations extends OperationSupport {
  static final int MAX_BATCH = 20;

  public ViewerSessionOperations(IvsDependencies deps) {
    super(deps);
  }

  public List<Operation> operations() {
    var throttle = deps.throttle();
    return List.of(
        IvsOperation.of("StartViewerSessionRevocation", throttle, ViewerSession::parseSingle,
            (context, request) -> List.of(onResource("StartViewerSessionRevocation", request.channelArn())),
            this::start),
        IvsOperation.of("BatchStartViewerSessionRevocation", throttle, ViewerSession::parseBatch,
            IvsOperation.checkedInHandler(), this::batchStart));
  }

  record ViewerSession(String channelArn, String viewerId, int versionsLessThanOrEqualTo) {
    static ViewerSession parseSingle(StructNode node) {
      Input input = Input.of(node);
      ViewerSession session = read(input);
      input.done();
      return session;
    }

    static List<ViewerSession> parseBatch(StructNode node) {
      Input input = Input.of(node);
      List<Input> items = input.structs("viewerSessions", 1, MAX_BATCH, true);
      List<ViewerSession> sessions = new ArrayList<>();
      if (items != null) {
        for (Input item : items) {
          sessions.add(read(item));
        }
      }
      input.done();
      return sessions;
    }

    private static ViewerSession read(Input input) {
      String channelArn = input.required("channelArn", Rules.CHANNEL_ARN);
      String viewerId = input.required("viewerId", Rules.VIEWER_ID);
      Integer version = input.integer("viewerSessionVersionsLessThanOrEqualTo", 0L, null, false);
      return new ViewerSession(channelArn, viewerId, version == null ? 0 : version);
    }
  }

  private OperationResult start(CallContext context, ViewerSession request) {
    revoke(context, request);
    return OperationResult.empty();
  }

  /** Each entry is authorized and applied on its own; failures are reported in {@code errors}, as AWS does. */
  private OperationResult batchStart(CallContext context, List<ViewerSession> sessions) {
    List<Node> errors = new ArrayList<>();
    for (ViewerSession session : sessions) {
      try {
        context.require(onResource("BatchStartViewerSessionRevocation", session.channelArn()));
        revoke(context, session);
      } catch (AwsServiceException e) {
        int status = e.errorCode().httpStatus();
        errors.add(StructNode.builder()
            .put("channelArn", session.channelArn())
            .put("viewerId", session.viewerId())
            .put("code", Integer.toString(status))
            .put("message", status == 403 ? "not authorized" : e.getMessage())
            .build());
      }
    }
    return OperationResult.output(StructNode.builder().put("errors", new ListNode(errors)).build());
  }

  private void revoke(CallContext context, ViewerSession request) {
    Channel channel = require(context, request.channelArn(), deps.channels()::find);
    deps.viewerSessionRevocations().save(new ViewerSessionRevocation(channel.arn(), request.viewerId(),
        request.versionsLessThanOrEqualTo(), deps.clock().instant()));
  }
}
