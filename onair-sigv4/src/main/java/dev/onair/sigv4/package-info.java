/**
 * AWS Signature Version 4 engine: parse, canonicalise, verify, sign, and decode {@code aws-chunked} bodies.
 *
 * <p>Transport-neutral on purpose: everything works on {@link dev.onair.sigv4.SigningRequest}, a plain value holding
 * the request exactly as it arrived on the wire, so the HTTP layer, the tests and the console can all feed it without
 * this module knowing any server type. JDK only at runtime.
 *
 * <p>Flow on the server: {@link dev.onair.sigv4.SigV4Parser#parse} (no secret needed, gives the access key id and the
 * credential scope used for routing and secret lookup), then {@link dev.onair.sigv4.SignatureV4Verifier#verify}, then
 * for streaming uploads {@link dev.onair.sigv4.ChunkedPayloadVerifier#verify}. Failures are values
 * ({@link dev.onair.sigv4.SigV4Failure}) carrying the message AWS uses; the protocol layer maps them to wire codes.
 */
package dev.onair.sigv4;
