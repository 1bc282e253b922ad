/**
 * The only package allowed to import Netty (enforced by ArchitectureTest): handshake, chunk codec
 * adapters, the session handler and {@link dev.onair.rtmp.netty.RtmpServerInitializer}, which orders
 * the pipeline.
 */
package dev.onair.rtmp.netty;
