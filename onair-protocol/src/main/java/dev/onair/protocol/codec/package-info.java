/**
 * The AWS wire protocols, one parser, one serialiser and one error writer each, behind three small interfaces.
 *
 * <pre>
 * RequestParser ─────────┬─ QueryParser            (query)    Action=Op&amp;X.member.1=… → StructNode
 *  (HttpRequest → op +   ├─ AwsJsonParser          (json)     X-Amz-Target + JSON object
 *   StructNode input)    ├─ RestJsonParser         (restjson) RestRouter + JSON body merged with bound members
 *                        ├─ RpcV2CborParser        (cbor)     /service/S/operation/Op + CBOR map
 *                        └─ RestXmlParser          (xml)      RestRouter only; S3 reads its own bodies
 *                              └── JSON and CBOR share json.DocumentReader (Jackson streaming)
 *
 * ResponseSerializer ────┬─ QueryXmlSerializer     &lt;OpResponse&gt;&lt;OpResult&gt;…&lt;/OpResult&gt;&lt;ResponseMetadata/&gt;
 *  (Output → HttpResponse├─ AwsJsonSerializer      JSON, epoch-second timestamps
 *                        ├─ RestJsonSerializer     JSON, timestamps per ProtocolSettings
 *                        ├─ RpcV2CborSerializer    CBOR, tag-1 timestamps
 *                        └─ RestXmlSerializer      fallback; S3 answers OperationResult.Raw
 *                              └── JSON and CBOR share json.DocumentWriter
 *
 * ErrorWriter ───────────┬─ QueryErrorWriter       &lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;…
 *                        ├─ RestXmlErrorWriter     &lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;…&lt;RequestId/&gt;&lt;HostId/&gt;
 *                        └─ DocumentErrorWriter    __type + message (+ x-amzn-query-error)
 *                             ├─ AwsJsonErrorWriter      __type = namespace#Code
 *                             ├─ RestJsonErrorWriter     + x-amzn-ErrorType, exceptionMessage
 *                             └─ RpcV2CborErrorWriter    CBOR map
 * </pre>
 *
 * <p>{@link dev.onair.protocol.codec.ProtocolDetector} picks the protocol a request used;
 * {@link dev.onair.protocol.codec.ProtocolCodecs} hands out the three parts for it. Bad input never escapes as an
 * exception other than {@link dev.onair.protocol.error.AwsServiceException}.
 */
package dev.onair.protocol.codec;
