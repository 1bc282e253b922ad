package dev.onair.rtmp.session;

/**
 * An authorised publish, as handed to {@link MediaSinkFactory}.
 *
 * @param tcUrl the {@code tcUrl} from {@code connect}, or "" if absent
 * @param remoteAddress the peer address as text, for logs and stream reports
 * @param attachment what {@link PublishDecision.Accepted} carried, possibly {@code null}
 */
public record PublishRequest(
    String app, String streamKey, String tcUrl, String remoteAddress, Object attachment) {}
