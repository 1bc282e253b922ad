/**
 * Typed RTMP messages: a sealed {@link dev.onair.rtmp.message.RtmpMessage} with one record per
 * message type, {@link dev.onair.rtmp.message.RtmpMessageType} ids, and the payload codec.
 */
package dev.onair.rtmp.message;
