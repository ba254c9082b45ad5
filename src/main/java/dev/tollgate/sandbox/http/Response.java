package dev.tollgate.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete HTTP answer. {@code headOnly} answers carry headers (incl. Content-Length) but no body. */
public record Response(int status, Map<String, String> headers, byte[] body, boolean headOnly) {

    public Response {
        headers = Map.copyOf(headers);
    }

    public static Response of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new Response(status, headers, body, false);
    }

    public static Response text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body, headOnly);
    }

    public Response asHead() {
        return new Response(status, headers, body, true);
    }
}
