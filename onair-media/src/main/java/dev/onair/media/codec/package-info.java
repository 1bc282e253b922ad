/**
 * Codec configuration parsing: H.264 AVCDecoderConfigurationRecord and SPS, AAC
 * AudioSpecificConfig, RFC 6381 codec strings.
 */
package dev.onair.media.codec;
