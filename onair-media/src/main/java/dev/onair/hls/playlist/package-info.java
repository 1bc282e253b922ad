/**
 * HLS playlist models and writers (RFC 8216, LL-HLS from draft-pantos-hls-rfc8216bis). Pure
 * functions from data to text.
 */
package dev.onair.hls.playlist;
