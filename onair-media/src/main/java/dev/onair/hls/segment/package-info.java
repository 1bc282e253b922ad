/**
 * Live segmentation: {@link dev.onair.hls.segment.LiveSegmenter} cuts a publish into segments and
 * LL-HLS parts and serves immutable {@link dev.onair.hls.segment.SegmentWindow} snapshots.
 */
package dev.onair.hls.segment;
