package dev.tollgate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The identity services on the wire, as raw HTTP: STS's Query/XML, SSO-OIDC's OAuth errors, the control routes. */
class IdentityWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKIDRAW/20250602/us-east-1/sts/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0000";

    private Sandbox sandbox;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withDemoData(false)
                .withClock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z"))));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(sandbox.endpoint() + path));
    }

    @Test
    void getCallerIdentityAnswersInStsXmlWithTheSessionNamedAfterTheKey() throws Exception {
        HttpResponse<String> response = send(at("/").header("Authorization", AUTH)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/xml");
        assertThat(response.body()).contains("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<Arn>arn:aws:sts::123456789012:assumed-role/Approver/AKIDRAW</Arn>")
                .contains("<Account>123456789012</Account>");
    }

    @Test
    void unknownStsActionsAreAnStsError() throws Exception {
        HttpResponse<String> response = send(at("/").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=AssumeRole&Version=2011-06-15")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<ErrorResponse").contains("<Code>InvalidAction</Code>");
    }

    @Test
    void pollingBeforeApprovalIsAuthorizationPendingAsOAuthSaysIt() throws Exception {
        JsonNode client = JSON.readTree(send(at("/client/register").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientName\":\"raw\",\"clientType\":\"public\"}"))).body());
        String credentials = "\"clientId\":\"" + client.get("clientId").asText() + "\",\"clientSecret\":\""
                + client.get("clientSecret").asText() + "\"";
        JsonNode device = JSON.readTree(send(at("/device_authorization").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{" + credentials + ",\"startUrl\":\"https://x.awsapps.com/start\"}"))).body());

        HttpResponse<String> poll = send(at("/token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{" + credentials
                        + ",\"grantType\":\"urn:ietf:params:oauth:grant-type:device_code\",\"deviceCode\":\""
                        + device.get("deviceCode").asText() + "\"}")));

        assertThat(device.get("interval").asInt()).isEqualTo(1);
        assertThat(device.get("userCode").asText()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(poll.statusCode()).isEqualTo(400);
        assertThat(poll.headers().firstValue("x-amzn-ErrorType")).contains("AuthorizationPendingException");
        assertThat(JSON.readTree(poll.body()).get("error").asText()).isEqualTo("authorization_pending");
        JsonNode pending = JSON.readTree(send(at("/_sandbox/sso/device/pending").GET()).body());
        assertThat(pending.get("userCodes").get(0).asText()).isEqualTo(device.get("userCode").asText());
    }

    @Test
    void theVerificationPageAsksThePersonToCompareTheCode() throws Exception {
        HttpResponse<String> page = send(at("/_sandbox/sso/device?user_code=bcdf-ghjk").GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"BCDF-GHJK\"").contains("action=\"/_sandbox/sso/device/approve\"")
                .doesNotContain("<script");
    }

    @Test
    void thePortalWithoutAValidTokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = send(at("/assignment/accounts?max_result=10")
                .header("x-amz-sso_bearer_token", "aoaNotIssued").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnauthorizedException");
    }

    @Test
    void deniedActionsAreSetAndClearedThroughTheControlApi() throws Exception {
        HttpResponse<String> set = send(at("/_sandbox/permissions").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"deny\":[{\"action\":\"codepipeline:ListPipelines\",\"identity\":\"AKIDRAW\"}]}")));
        HttpResponse<String> denied = send(at("/").header("Authorization", AUTH)
                .header("X-Amz-Target", "CodePipeline_20150709.ListPipelines")
                .header("Content-Type", "application/x-amz-json-1.1").POST(HttpRequest.BodyPublishers.ofString("{}")));
        send(at("/_sandbox/permissions").DELETE());
        HttpResponse<String> allowed = send(at("/").header("Authorization", AUTH)
                .header("X-Amz-Target", "CodePipeline_20150709.ListPipelines")
                .header("Content-Type", "application/x-amz-json-1.1").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(denied.body()).get("__type").asText()).isEqualTo("AccessDeniedException");
        assertThat(JSON.readTree(denied.body()).get("message").asText()).startsWith(
                "User: arn:aws:sts::123456789012:assumed-role/Approver/AKIDRAW is not authorized to perform: codepipeline:ListPipelines");
        assertThat(allowed.statusCode()).isEqualTo(200);
    }
}
