/**
 * AMF0 encoding (the subset RTMP publishers use). Pure Java; malformed input raises
 * {@link dev.onair.rtmp.message.RtmpProtocolException}.
 */
package dev.onair.rtmp.amf;
