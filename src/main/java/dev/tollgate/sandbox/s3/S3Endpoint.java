package dev.tollgate.sandbox.s3;

import dev.tollgate.sandbox.fault.Fault;
import dev.tollgate.sandbox.http.Response;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Read-only, path-style S3: {@code GET} and {@code HEAD /bucket/key} of pipeline artifacts, with S3's XML
 * errors. No checksum headers are sent, so SDK clients skip response checksum validation; the ETag is the
 * real MD5 of the bytes.
 */
public final class S3Endpoint {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final ObjectStore store;

    public S3Endpoint(ObjectStore store) {
        this.store = store;
    }

    public Response handle(String method, String rawPath, String requestId) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        int slash = path.indexOf('/');
        boolean head = method.equals("HEAD");
        String bucket;
        String key;
        try {
            bucket = decodePath(slash < 0 ? path : path.substring(0, slash));
            key = slash < 0 ? "" : decodePath(path.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            return error(400, "InvalidURI", "Couldn't parse the specified URI.", "/" + path, requestId, head);
        }
        if (!method.equals("GET") && !head) {
            return error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.",
                    "/" + path, requestId, head);
        }
        if (bucket.isEmpty() || !store.bucketExists(bucket)) {
            return error(404, "NoSuchBucket", "The specified bucket does not exist", "/" + bucket, requestId, head);
        }
        if (key.isEmpty()) {
            return error(405, "MethodNotAllowed", "The sandbox serves objects only; listing buckets is not supported.",
                    "/" + bucket, requestId, head);
        }
        Optional<StoredObject> object = store.get(bucket, key);
        if (object.isEmpty()) {
            return error(404, "NoSuchKey", "The specified key does not exist.", key, requestId, head);
        }
        StoredObject o = object.get();
        Response response = Response.of(200, o.contentType(), o.content())
                .withHeader("ETag", o.etag())
                .withHeader("Last-Modified", HTTP_DATE.format(o.lastModified()))
                .withHeader("Accept-Ranges", "bytes")
                .withHeader("x-amz-request-id", requestId)
                .withHeader("x-amz-id-2", requestId);
        return head ? response.asHead() : response;
    }

    /** An injected fault in S3's own terms: throttling is 503 SlowDown there. */
    public Response fault(Fault fault, boolean head, String requestId) {
        return switch (fault.code()) {
            case "ThrottlingException" -> error(503, "SlowDown", "Please reduce your request rate.", "/", requestId, head);
            case "InternalFailure" -> error(500, "InternalError", "We encountered an internal error. Please try again.",
                    "/", requestId, head);
            default -> error(503, "ServiceUnavailable", "Service is unable to handle request.", "/", requestId, head);
        };
    }

    private static String decodePath(String encoded) {
        // Keys arrive percent-encoded per segment; a '+' in a path is a literal plus, not a space.
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Response error(int status, String code, String message, String resource, String requestId,
                                  boolean head) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + escape(message) + "</Message>" + (code.equals("NoSuchKey") ? "<Key>" + escape(resource) + "</Key>"
                : code.equals("NoSuchBucket") ? "<BucketName>" + escape(resource.substring(1)) + "</BucketName>"
                : "<Resource>" + escape(resource) + "</Resource>")
                + "<RequestId>" + requestId + "</RequestId><HostId>" + requestId + "</HostId></Error>";
        Response response = Response.text(status, "application/xml", xml)
                .withHeader("x-amz-request-id", requestId)
                .withHeader("x-amz-id-2", requestId);
        return head ? response.asHead() : response;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
