/**
 * The publisher state machine and the contracts the server module implements: {@link
 * dev.onair.rtmp.session.PublishAuthorizer}, {@link dev.onair.rtmp.session.MediaSinkFactory},
 * {@link dev.onair.rtmp.session.MediaSink}. Knows nothing of IVS, HTTP or storage.
 */
package dev.onair.rtmp.session;
