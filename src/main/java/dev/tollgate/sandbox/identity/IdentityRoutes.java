package dev.tollgate.sandbox.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import dev.tollgate.sandbox.http.AwsJsonService;
import dev.tollgate.sandbox.http.CallContext;
import dev.tollgate.sandbox.http.Response;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The wire side of the {@link IdentityCenter}: SSO-OIDC and the SSO portal (REST JSON), STS
 * (Query protocol, XML answers), the control routes under {@code /_sandbox/sso/} and
 * {@code /_sandbox/permissions}, and the IAM check every other service call passes through.
 */
public final class IdentityRoutes {

    private static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final String REST_JSON = "application/json";

    private final IdentityCenter center;
    private final ObjectMapper mapper;

    public IdentityRoutes(IdentityCenter center, ObjectMapper mapper) {
        this.center = center;
        this.mapper = mapper;
    }

    public IdentityCenter center() {
        return center;
    }

    /** Whether this request is for one of the identity services or their control routes. */
    public boolean handles(String method, String path, Headers headers) {
        return switch (path) {
            case "/client/register", "/device_authorization", "/token", "/logout" -> method.equals("POST");
            case "/federation/credentials", "/assignment/accounts", "/assignment/roles" -> method.equals("GET");
            case "/", "" -> method.equals("POST") && isForm(headers);
            default -> path.startsWith("/_sandbox/sso/") || path.equals("/_sandbox/sso") || path.equals("/_sandbox/permissions");
        };
    }

    public Response handle(String method, String path, String query, Headers headers, byte[] body, CallContext call) {
        try {
            return switch (path) {
                case "/client/register", "/device_authorization", "/token" -> oidc(path, json(body), headers, call);
                case "/federation/credentials", "/assignment/accounts", "/assignment/roles", "/logout" ->
                        portal(path, params(query), headers.getFirst("x-amz-sso_bearer_token"), call);
                case "/", "" -> sts(params(new String(body, StandardCharsets.UTF_8)), call);
                default -> control(method, path, query, headers, body, call);
            };
        } catch (IdentityError e) {
            return restError(e, call);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return AwsJsonService.error(400, "SerializationException", "The request body is not valid JSON", call, mapper);
        }
    }

    /**
     * The IAM check in front of every other service: role credentials past their time answer
     * ExpiredTokenException, and a denied action answers AccessDeniedException worded like IAM's.
     *
     * @param action   e.g. {@code codepipeline:PutApprovalResult}
     * @param resource the resource ARN for the message, or {@code *}
     * @return the error to answer instead of calling the service, if any
     */
    public Optional<Refusal> refusal(CallContext call, String action, String resource) {
        if (center.isExpired(call.accessKeyId())) {
            return Optional.of(new Refusal(400, "ExpiredTokenException", "The security token included in the request is expired"));
        }
        String arn = center.principal(call.accessKeyId()).arn();
        return center.denial(action, arn).map(d -> new Refusal(403, "AccessDeniedException", "User: " + arn
                + " is not authorized to perform: " + action + " on resource: " + resource
                + " because no identity-based policy allows the " + action + " action"));
    }

    /** The IAM action of an AWS JSON call: {@code CodePipeline_20150709.PutApprovalResult} is {@code codepipeline:PutApprovalResult}. */
    public static String iamAction(String target) {
        int dot = target.lastIndexOf('.');
        String prefix = dot < 0 ? target : target.substring(0, dot);
        String service = switch (prefix) {
            case "CodePipeline_20150709" -> "codepipeline";
            case "AmazonEC2ContainerRegistry_V20150921" -> "ecr";
            case "AmazonSQS" -> "sqs";
            default -> prefix.toLowerCase(Locale.ROOT);
        };
        return service + ":" + (dot < 0 ? "" : target.substring(dot + 1));
    }

    /** The resource ARN a JSON call is about, as IAM's message names it: the pipeline when the body names one. */
    public String resourceOf(String target, byte[] body) {
        if (!target.startsWith("CodePipeline_")) {
            return "*";
        }
        try {
            JsonNode in = json(body);
            String name = Optional.ofNullable(text(in, "pipelineName")).orElse(text(in, "name"));
            String stage = text(in, "stageName");
            String action = text(in, "actionName");
            if (name == null) {
                return "*";
            }
            String account = center.accounts().isEmpty() ? "" : center.accounts().get(0).id();
            return "arn:aws:codepipeline:us-east-1:" + account + ":" + name
                    + (stage == null ? "" : "/" + stage + (action == null ? "" : "/" + action));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return "*";
        }
    }

    /** A refusal in S3's XML error shape. */
    public Response s3Error(Refusal refusal, String path, CallContext call, boolean head) {
        int status = refusal.code().equals("AccessDeniedException") ? 403 : 400;
        String code = refusal.code().equals("AccessDeniedException") ? "AccessDenied" : "ExpiredToken";
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + escape(refusal.message()) + "</Message><Resource>" + escape(path) + "</Resource><RequestId>"
                + call.requestId() + "</RequestId></Error>";
        Response response = Response.of(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8))
                .withHeader("x-amz-request-id", call.requestId());
        return head ? response.asHead() : response;
    }

    /** Why a call is refused before it reaches its service. */
    public record Refusal(int status, String code, String message) {
    }

    /** The caller's ARN, for {@link CallContext#withPrincipalArn(String)}. */
    public String principalArn(CallContext call) {
        return center.principal(call.accessKeyId()).arn();
    }

    // ---------------------------------------------------------------- SSO-OIDC

    private Response oidc(String path, JsonNode in, Headers headers, CallContext call) throws JsonProcessingException {
        ObjectNode out = mapper.createObjectNode();
        switch (path) {
            case "/client/register" -> {
                String name = text(in, "clientName");
                if (name == null || !"public".equals(text(in, "clientType"))) {
                    throw new IdentityError("InvalidClientMetadataException", "invalid_client_metadata",
                            "clientName is required and clientType must be public", 400);
                }
                IdentityCenter.Client client = center.registerClient(name);
                long now = System.currentTimeMillis() / 1000;
                out.put("clientId", client.id()).put("clientSecret", client.secret())
                        .put("clientIdIssuedAt", now).put("clientSecretExpiresAt", client.expiresAt().getEpochSecond());
            }
            case "/device_authorization" -> {
                String[] codes = center.startDeviceAuthorization(text(in, "clientId"), text(in, "clientSecret"),
                        require(in, "startUrl"));
                String page = verificationPage(headers);
                out.put("deviceCode", codes[0]).put("userCode", codes[1])
                        .put("verificationUri", page)
                        .put("verificationUriComplete", page + "?user_code=" + codes[1])
                        .put("expiresIn", center.deviceCodeLifetimeSeconds())
                        .put("interval", IdentityCenter.POLL_INTERVAL_SECONDS);
            }
            default -> {
                IdentityCenter.IssuedToken token = center.createToken(text(in, "clientId"), text(in, "clientSecret"),
                        require(in, "grantType"), text(in, "deviceCode"), text(in, "refreshToken"));
                out.put("accessToken", token.accessToken()).put("tokenType", "Bearer")
                        .put("expiresIn", token.expiresInSeconds()).put("refreshToken", token.refreshToken());
            }
        }
        return ok(REST_JSON, mapper.writeValueAsBytes(out), call);
    }

    /** The verification page is served by the sandbox itself, at the address the client used to reach it. */
    private String verificationPage(Headers headers) {
        String host = headers.getFirst("Host");
        boolean plausible = host != null && host.matches("[0-9A-Za-z.\\-\\[\\]:]+");
        return "http://" + (plausible ? host : "127.0.0.1") + "/_sandbox/sso/device";
    }

    // ---------------------------------------------------------------- SSO portal

    private Response portal(String path, Map<String, String> params, String bearer, CallContext call)
            throws JsonProcessingException {
        ObjectNode out = mapper.createObjectNode();
        switch (path) {
            case "/assignment/accounts" -> {
                List<IdentityCenter.Account> accounts = center.accountsFor(bearer);
                page(params, accounts.size(), out, (array, i) -> {
                    IdentityCenter.Account a = accounts.get(i);
                    array.addObject().put("accountId", a.id()).put("accountName", a.name()).put("emailAddress", a.email());
                }, "accountList");
            }
            case "/assignment/roles" -> {
                String accountId = params.get("account_id");
                List<String> roles = center.rolesFor(bearer, accountId);
                page(params, roles.size(), out, (array, i) ->
                        array.addObject().put("roleName", roles.get(i)).put("accountId", accountId), "roleList");
            }
            case "/federation/credentials" -> {
                IdentityCenter.IssuedCredentials credentials = center.roleCredentials(bearer, params.get("account_id"),
                        params.get("role_name"));
                out.putObject("roleCredentials")
                        .put("accessKeyId", credentials.accessKeyId())
                        .put("secretAccessKey", credentials.secretAccessKey())
                        .put("sessionToken", credentials.sessionToken())
                        // The portal, unlike most AWS APIs, gives this timestamp in epoch milliseconds.
                        .put("expiration", credentials.expiration().toEpochMilli());
            }
            default -> center.logout(bearer);
        }
        return ok(REST_JSON, mapper.writeValueAsBytes(out), call);
    }

    private interface RowWriter {
        void write(ArrayNode array, int index);
    }

    private static void page(Map<String, String> params, int total, ObjectNode out, RowWriter writer, String member) {
        int size = parseOr(params.get("max_result"), 20, 1, 100);
        int start = parseOr(params.get("next_token"), 0, 0, total);
        ArrayNode array = out.putArray(member);
        int end = Math.min(total, start + size);
        for (int i = start; i < end; i++) {
            writer.write(array, i);
        }
        if (end < total) {
            out.put("nextToken", String.valueOf(end));
        }
    }

    private static int parseOr(String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            throw new IdentityError("InvalidRequestException", null, "Invalid paging parameter", 400);
        }
    }

    // ---------------------------------------------------------------- STS (Query protocol)

    private Response sts(Map<String, String> params, CallContext call) {
        String action = params.getOrDefault("Action", "");
        if (!action.equals("GetCallerIdentity")) {
            return stsError(400, "Sender", "InvalidAction", "The action " + escape(action) + " is not valid for this web service.", call);
        }
        // GetCallerIdentity needs no permission in AWS, so only expiry can refuse it.
        if (center.isExpired(call.accessKeyId())) {
            return stsError(403, "Sender", "ExpiredToken", "The security token included in the request is expired", call);
        }
        IdentityCenter.Principal principal = center.principal(call.accessKeyId());
        String xml = "<GetCallerIdentityResponse xmlns=\"" + STS_NS + "\">\n  <GetCallerIdentityResult>\n"
                + "    <Arn>" + escape(principal.arn()) + "</Arn>\n"
                + "    <UserId>" + escape(principal.userId()) + "</UserId>\n"
                + "    <Account>" + principal.accountId() + "</Account>\n"
                + "  </GetCallerIdentityResult>\n  <ResponseMetadata>\n    <RequestId>" + call.requestId()
                + "</RequestId>\n  </ResponseMetadata>\n</GetCallerIdentityResponse>\n";
        return ok("text/xml", xml.getBytes(StandardCharsets.UTF_8), call);
    }

    private Response stsError(int status, String type, String code, String message, CallContext call) {
        String xml = "<ErrorResponse xmlns=\"" + STS_NS + "\">\n  <Error>\n    <Type>" + type + "</Type>\n    <Code>"
                + code + "</Code>\n    <Message>" + escape(message) + "</Message>\n  </Error>\n  <RequestId>"
                + call.requestId() + "</RequestId>\n</ErrorResponse>\n";
        return Response.of(status, "text/xml", xml.getBytes(StandardCharsets.UTF_8))
                .withHeader("x-amzn-RequestId", call.requestId());
    }

    // ---------------------------------------------------------------- control

    private Response control(String method, String path, String query, Headers headers, byte[] body, CallContext call)
            throws JsonProcessingException {
        Map<String, String> params = params(query);
        if (isForm(headers)) {
            params.putAll(params(new String(body, StandardCharsets.UTF_8)));
        }
        switch (method + " " + path) {
            case "GET /_sandbox/sso/device" -> {
                return ok("text/html; charset=utf-8", DevicePage.ask(params.getOrDefault("user_code", ""))
                        .getBytes(StandardCharsets.UTF_8), call);
            }
            case "POST /_sandbox/sso/device/approve", "POST /_sandbox/sso/device/deny" -> {
                String code = params.getOrDefault("user_code", "");
                boolean approve = path.endsWith("approve");
                boolean done = approve ? center.approve(code, params.get("user")) : center.deny(code);
                if (isForm(headers)) {
                    return ok("text/html; charset=utf-8", DevicePage.answered(approve, done).getBytes(StandardCharsets.UTF_8), call);
                }
                if (!done) {
                    return AwsJsonService.error(404, "ResourceNotFoundException",
                            "No pending device authorization with that user code", call, mapper);
                }
                return json(mapper.createObjectNode().put("userCode", IdentityCenter.normaliseUserCode(code))
                        .put(approve ? "approved" : "denied", true), call);
            }
            case "GET /_sandbox/sso/device/pending" -> {
                ObjectNode out = mapper.createObjectNode();
                ArrayNode codes = out.putArray("userCodes");
                center.pendingUserCodes().forEach(codes::add);
                return json(out, call);
            }
            case "POST /_sandbox/sso/expire" -> {
                String what = params.getOrDefault("what", "everything");
                switch (what) {
                    case "access-tokens" -> center.expireAccessTokens();
                    case "role-credentials" -> center.expireRoleCredentials();
                    case "device-codes" -> center.expireDeviceCodes();
                    case "everything" -> center.expireEverything();
                    default -> {
                        return AwsJsonService.error(400, "ValidationException", "what must be access-tokens, "
                                + "role-credentials, device-codes or everything", call, mapper);
                    }
                }
                return json(mapper.createObjectNode().put("expired", what), call);
            }
            case "POST /_sandbox/sso/slow-down" -> {
                int polls = parseOr(params.get("polls"), 1, 0, 100);
                center.slowDownNextPolls(polls);
                return json(mapper.createObjectNode().put("slowDownPolls", polls), call);
            }
            case "GET /_sandbox/sso/accounts" -> {
                ObjectNode out = mapper.createObjectNode();
                ArrayNode list = out.putArray("accounts");
                center.accounts().forEach(a -> list.add(mapper.valueToTree(a)));
                return json(out, call);
            }
            case "GET /_sandbox/permissions" -> {
                return json(permissions(), call);
            }
            case "PUT /_sandbox/permissions", "POST /_sandbox/permissions" -> {
                JsonNode in = json(body);
                List<IdentityCenter.Denial> denials = new ArrayList<>();
                for (JsonNode rule : in.path("deny")) {
                    String action = text(rule, "action");
                    String identity = text(rule, "identity");
                    if (action == null || identity == null) {
                        return AwsJsonService.error(400, "ValidationException",
                                "Each deny rule needs an action (e.g. codepipeline:PutApprovalResult) and an identity", call, mapper);
                    }
                    denials.add(new IdentityCenter.Denial(action, identity));
                }
                center.setDenials(denials);
                return json(permissions(), call);
            }
            case "DELETE /_sandbox/permissions" -> {
                center.setDenials(List.of());
                return json(permissions(), call);
            }
            default -> {
                return AwsJsonService.error(404, "ResourceNotFoundException", "No sandbox control route " + method
                        + " " + path, call, mapper);
            }
        }
    }

    private ObjectNode permissions() {
        ObjectNode out = mapper.createObjectNode();
        ArrayNode deny = out.putArray("deny");
        center.denials().forEach(d -> deny.addObject().put("action", d.action()).put("identity", d.identity()));
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private Response restError(IdentityError e, CallContext call) {
        ObjectNode body = mapper.createObjectNode();
        if (e.oauthError() != null) {
            body.put("error", e.oauthError());
            if (e.getMessage() != null) {
                body.put("error_description", e.getMessage());
            }
        } else {
            body.put("message", e.getMessage());
        }
        try {
            return Response.of(e.httpStatus(), REST_JSON, mapper.writeValueAsBytes(body))
                    .withHeader("x-amzn-RequestId", call.requestId())
                    .withHeader("x-amzn-ErrorType", e.type());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private Response json(JsonNode body, CallContext call) throws JsonProcessingException {
        return ok("application/json", mapper.writeValueAsBytes(body), call);
    }

    private static Response ok(String contentType, byte[] body, CallContext call) {
        return Response.of(200, contentType, body).withHeader("x-amzn-RequestId", call.requestId());
    }

    private JsonNode json(byte[] body) throws JsonProcessingException {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        JsonNode node = mapper.readTree(new String(body, StandardCharsets.UTF_8));
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        return node;
    }

    private static String text(JsonNode in, String field) {
        JsonNode value = in.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static String require(JsonNode in, String field) {
        String value = text(in, field);
        if (value == null || value.isBlank()) {
            throw new IdentityError("InvalidRequestException", "invalid_request", field + " is required", 400);
        }
        return value;
    }

    private static boolean isForm(Headers headers) {
        String type = headers.getFirst("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
