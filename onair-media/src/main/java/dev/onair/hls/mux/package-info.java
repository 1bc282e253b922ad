/**
 * Container muxers: MPEG-TS ({@link dev.onair.hls.mux.TsMuxer}) and fragmented MP4 ({@link
 * dev.onair.hls.mux.Fmp4Muxer}). Input is AVCC video and raw AAC as they arrive over RTMP.
 */
package dev.onair.hls.mux;
