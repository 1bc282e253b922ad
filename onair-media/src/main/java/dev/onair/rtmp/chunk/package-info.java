/**
 * The RTMP chunk stream layer (streaming.md §1.3), transport-free: {@link
 * dev.onair.rtmp.chunk.ChunkDecoder} reads from a {@code ByteBuffer}, {@link
 * dev.onair.rtmp.chunk.ChunkEncoder} writes byte arrays. Netty adapters live in {@code rtmp.netty}.
 */
package dev.onair.rtmp.chunk;
