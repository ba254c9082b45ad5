package dev.tollgate.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** AWS JSON 1.1 calls as raw HTTP, to look at exactly what the sandbox puts on the wire. */
final class RawAws {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CODEPIPELINE = "CodePipeline_20150709.";
    static final String ECR = "AmazonEC2ContainerRegistry_V20150921.";
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKIDRAW/20250602/us-east-1/codepipeline/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0000";

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RawAws(URI endpoint) {
        this.endpoint = endpoint;
    }

    HttpResponse<String> call(String target, String body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls an operation that must succeed and returns its output document. */
    JsonNode ok(String target, String body) {
        HttpResponse<String> response = call(target, body);
        if (response.statusCode() != 200) {
            throw new AssertionError(target + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
