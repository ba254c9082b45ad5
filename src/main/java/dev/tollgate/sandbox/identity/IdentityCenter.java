package dev.tollgate.sandbox.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's IAM Identity Center and IAM: OIDC clients, device authorizations waiting for a person,
 * access and refresh tokens, role credentials handed out by the portal, who each access key belongs to, and
 * which actions are denied to whom. All state lives here, behind one lock; the HTTP endpoints only translate.
 *
 * <p>Expiry follows the real clock (not the accelerated pipeline clock), because SDK clients judge expiry by
 * their own clock; tests expire things on purpose through the {@code expire...} methods instead.
 */
public final class IdentityCenter {

    /** The portal a sandbox sign-in starts from; any start URL is accepted, this one is the suggested one. */
    public static final String START_URL = "https://tollgate-sandbox.awsapps.com/start";
    public static final String DEFAULT_USER = "approver@example.com";
    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final String REFRESH_GRANT = "refresh_token";
    /** Real Identity Center polls every 5 s; the sandbox says 1 s so that a sign-in is quick to try. */
    static final int POLL_INTERVAL_SECONDS = 1;
    private static final Duration DEVICE_CODE_LIFETIME = Duration.ofMinutes(10);
    private static final Duration CLIENT_LIFETIME = Duration.ofDays(90);
    private static final String USER_CODE_LETTERS = "BCDFGHJKLMNPQRSTVWXZ";

    /** An AWS account of the sandbox organisation, with the permission sets (roles) a user may take in it. */
    public record Account(String id, String name, String email, List<String> roles) {
        public Account {
            roles = List.copyOf(roles);
        }
    }

    /** Who signs requests with an access key: the ARN GetCallerIdentity answers and CodePipeline records. */
    public record Principal(String arn, String accountId, String userId) {
    }

    /** "Deny this IAM action to callers whose ARN contains this text": enough to test read-only modes. */
    public record Denial(String action, String identity) {
        boolean matches(String requestedAction, String arn) {
            return (action.equals("*") || action.equalsIgnoreCase(requestedAction))
                    && (identity.equals("*") || arn.contains(identity));
        }
    }

    /** A registered OIDC client. */
    record Client(String id, String secret, Instant expiresAt) {
        @Override
        public String toString() {
            return "Client[" + id + "]";
        }
    }

    private enum DeviceState { PENDING, APPROVED, DENIED, USED }

    private static final class DeviceAuthorization {
        final String deviceCode;
        final String userCode;
        final String clientId;
        final String startUrl;
        Instant expiresAt;
        DeviceState state = DeviceState.PENDING;
        String user;

        DeviceAuthorization(String deviceCode, String userCode, String clientId, String startUrl, Instant expiresAt) {
            this.deviceCode = deviceCode;
            this.userCode = userCode;
            this.clientId = clientId;
            this.startUrl = startUrl;
            this.expiresAt = expiresAt;
        }
    }

    private static final class Token {
        final String user;
        final String clientId;
        Instant expiresAt;

        Token(String user, String clientId, Instant expiresAt) {
            this.user = user;
            this.clientId = clientId;
            this.expiresAt = expiresAt;
        }
    }

    private static final class RoleSession {
        final Principal principal;
        Instant expiresAt;

        RoleSession(Principal principal, Instant expiresAt) {
            this.principal = principal;
            this.expiresAt = expiresAt;
        }
    }

    /** What the OIDC token endpoint hands out. */
    public record IssuedToken(String accessToken, String refreshToken, long expiresInSeconds) {
        @Override
        public String toString() {
            return "IssuedToken[expiresIn=" + expiresInSeconds + "s]";
        }
    }

    /** What the portal hands out for an account and role. */
    public record IssuedCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
        @Override
        public String toString() {
            return "IssuedCredentials[" + accessKeyId + ", expires " + expiration + "]";
        }
    }

    private final Clock clock;
    private final String defaultAccountId;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Client> clients = new HashMap<>();
    private final Map<String, DeviceAuthorization> devices = new LinkedHashMap<>();
    private final Map<String, Token> accessTokens = new HashMap<>();
    private final Map<String, Token> refreshTokens = new HashMap<>();
    private final Map<String, RoleSession> roleSessions = new HashMap<>();
    private final List<Denial> denials = new ArrayList<>();
    private Duration accessTokenLifetime = Duration.ofHours(8);
    private Duration roleCredentialsLifetime = Duration.ofHours(1);
    private int slowDownsToAnswer;

    public IdentityCenter(Clock clock, String defaultAccountId) {
        this.clock = clock;
        this.defaultAccountId = defaultAccountId;
        accounts.put(defaultAccountId, new Account(defaultAccountId, "tollgate-demo-production",
                "aws-production@example.com", List.of("Approver", "ReadOnly")));
        accounts.put("210987654321", new Account("210987654321", "tollgate-demo-staging",
                "aws-staging@example.com", List.of("Approver", "ReadOnly", "Developer")));
    }

    // ---------------------------------------------------------------- OIDC

    synchronized Client registerClient(String clientName) {
        Client client = new Client(randomToken("cid", 22), randomToken("secret", 120), now().plus(CLIENT_LIFETIME));
        clients.put(client.id(), client);
        return client;
    }

    /** Starts a device authorization; returns {deviceCode, userCode}. */
    synchronized String[] startDeviceAuthorization(String clientId, String clientSecret, String startUrl) {
        requireClient(clientId, clientSecret);
        String userCode = userCode();
        DeviceAuthorization device = new DeviceAuthorization(randomToken("dc", 60), userCode, clientId, startUrl,
                now().plus(DEVICE_CODE_LIFETIME));
        devices.put(device.deviceCode, device);
        return new String[] {device.deviceCode, userCode};
    }

    long deviceCodeLifetimeSeconds() {
        return DEVICE_CODE_LIFETIME.toSeconds();
    }

    synchronized IssuedToken createToken(String clientId, String clientSecret, String grantType, String deviceCode,
                                         String refreshToken) {
        requireClient(clientId, clientSecret);
        if (DEVICE_GRANT.equals(grantType)) {
            DeviceAuthorization device = deviceCode == null ? null : devices.get(deviceCode);
            if (device == null || !device.clientId.equals(clientId) || device.state == DeviceState.USED) {
                throw oidc("InvalidGrantException", "invalid_grant", "Invalid device code provided", 400);
            }
            if (!now().isBefore(device.expiresAt)) {
                throw oidc("ExpiredTokenException", "expired_token", "Device code has expired", 400);
            }
            if (device.state == DeviceState.DENIED) {
                throw oidc("AccessDeniedException", "access_denied", "The user denied the authorization", 400);
            }
            if (slowDownsToAnswer > 0) {
                slowDownsToAnswer--;
                throw oidc("SlowDownException", "slow_down", null, 400);
            }
            if (device.state == DeviceState.PENDING) {
                throw oidc("AuthorizationPendingException", "authorization_pending", null, 400);
            }
            device.state = DeviceState.USED;
            return issue(device.user, clientId);
        }
        if (REFRESH_GRANT.equals(grantType)) {
            Token previous = refreshToken == null ? null : refreshTokens.remove(refreshToken);
            if (previous == null || !previous.clientId.equals(clientId)) {
                throw oidc("InvalidGrantException", "invalid_grant", "Invalid refresh token provided", 400);
            }
            return issue(previous.user, clientId);
        }
        throw oidc("UnsupportedGrantTypeException", "unsupported_grant_type", "Unsupported grant type", 400);
    }

    private IssuedToken issue(String user, String clientId) {
        String access = randomToken("aoa", 180);
        String refresh = randomToken("aor", 180);
        accessTokens.put(access, new Token(user, clientId, now().plus(accessTokenLifetime)));
        refreshTokens.put(refresh, new Token(user, clientId, Instant.MAX));
        return new IssuedToken(access, refresh, accessTokenLifetime.toSeconds());
    }

    private void requireClient(String clientId, String clientSecret) {
        Client client = clientId == null ? null : clients.get(clientId);
        if (client == null || !client.secret().equals(clientSecret)) {
            throw oidc("InvalidClientException", "invalid_client", "Invalid client provided", 401);
        }
        if (!now().isBefore(client.expiresAt())) {
            throw oidc("InvalidClientException", "invalid_client", "The client registration has expired", 401);
        }
    }

    // ---------------------------------------------------------------- portal

    synchronized List<Account> accountsFor(String accessToken) {
        requireAccessToken(accessToken);
        return List.copyOf(accounts.values());
    }

    synchronized List<String> rolesFor(String accessToken, String accountId) {
        requireAccessToken(accessToken);
        Account account = accounts.get(accountId);
        if (account == null) {
            throw new IdentityError("ResourceNotFoundException", null, "No access", 404);
        }
        return account.roles();
    }

    synchronized IssuedCredentials roleCredentials(String accessToken, String accountId, String roleName) {
        Token token = requireAccessToken(accessToken);
        Account account = accounts.get(accountId);
        if (account == null || !account.roles().contains(roleName)) {
            throw new IdentityError("ForbiddenException", null, "No access", 403);
        }
        String accessKeyId = "ASIA" + randomUpper(16);
        String role = "AWSReservedSSO_" + roleName + "_" + shortHash(accountId + "/" + roleName);
        Principal principal = new Principal("arn:aws:sts::" + accountId + ":assumed-role/" + role + "/" + token.user,
                accountId, "AROA" + shortHash(role).toUpperCase(Locale.ROOT) + ":" + token.user);
        Instant expiration = now().plus(roleCredentialsLifetime);
        roleSessions.put(accessKeyId, new RoleSession(principal, expiration));
        return new IssuedCredentials(accessKeyId, randomToken("", 40), randomToken("IQoJ", 300), expiration);
    }

    synchronized void logout(String accessToken) {
        requireAccessToken(accessToken);
        accessTokens.remove(accessToken);
    }

    private Token requireAccessToken(String accessToken) {
        Token token = accessToken == null ? null : accessTokens.get(accessToken);
        if (token == null || !now().isBefore(token.expiresAt)) {
            throw new IdentityError("UnauthorizedException", null, "Session token not found or invalid", 401);
        }
        return token;
    }

    // ---------------------------------------------------------------- IAM, as every service sees it

    /**
     * Who the caller is. Keys the portal issued map to their SSO role session; any other key is accepted as
     * the sandbox's standing approver, the session named after the key (as CodePipeline's lastUpdatedBy shows).
     */
    public synchronized Principal principal(Optional<String> accessKeyId) {
        RoleSession session = accessKeyId.map(roleSessions::get).orElse(null);
        if (session != null) {
            return session.principal;
        }
        String name = accessKeyId.orElse("anonymous");
        return new Principal("arn:aws:sts::" + defaultAccountId + ":assumed-role/Approver/" + name, defaultAccountId,
                "AROA" + shortHash("Approver").toUpperCase(Locale.ROOT) + ":" + name);
    }

    /** Whether the key is role credentials from the portal whose time is up. */
    public synchronized boolean isExpired(Optional<String> accessKeyId) {
        RoleSession session = accessKeyId.map(roleSessions::get).orElse(null);
        return session != null && !now().isBefore(session.expiresAt);
    }

    /** The denial that applies to this caller and IAM action (e.g. {@code codepipeline:PutApprovalResult}). */
    public synchronized Optional<Denial> denial(String action, String principalArn) {
        return denials.stream().filter(d -> d.matches(action, principalArn)).findFirst();
    }

    // ---------------------------------------------------------------- control (tests and the demo page)

    /** The person at the browser approves the code shown in the app. */
    public synchronized boolean approve(String userCode, String user) {
        DeviceAuthorization device = pending(userCode);
        if (device == null) {
            return false;
        }
        device.state = DeviceState.APPROVED;
        device.user = user == null || user.isBlank() ? DEFAULT_USER : user;
        return true;
    }

    public synchronized boolean deny(String userCode) {
        DeviceAuthorization device = pending(userCode);
        if (device == null) {
            return false;
        }
        device.state = DeviceState.DENIED;
        return true;
    }

    /** User codes still waiting for a person, oldest first. */
    public synchronized List<String> pendingUserCodes() {
        List<String> codes = new ArrayList<>();
        for (DeviceAuthorization device : devices.values()) {
            if (device.state == DeviceState.PENDING && now().isBefore(device.expiresAt)) {
                codes.add(device.userCode);
            }
        }
        return codes;
    }

    private DeviceAuthorization pending(String userCode) {
        String wanted = normaliseUserCode(userCode);
        for (DeviceAuthorization device : devices.values()) {
            if (device.userCode.equals(wanted) && device.state == DeviceState.PENDING && now().isBefore(device.expiresAt)) {
                return device;
            }
        }
        return null;
    }

    /** The next n polls of a pending authorization answer slow_down, as Identity Center does to eager clients. */
    public synchronized void slowDownNextPolls(int n) {
        slowDownsToAnswer = Math.max(0, n);
    }

    public synchronized void expireDeviceCodes() {
        devices.values().forEach(d -> d.expiresAt = now().minusSeconds(1));
    }

    /** Access tokens stop working; refresh tokens still get new ones (a silent refresh). */
    public synchronized void expireAccessTokens() {
        accessTokens.values().forEach(t -> t.expiresAt = now().minusSeconds(1));
    }

    /** Role credentials already handed out stop working: callers get ExpiredTokenException. */
    public synchronized void expireRoleCredentials() {
        roleSessions.values().forEach(s -> s.expiresAt = now().minusSeconds(1));
    }

    /** Nothing but a new sign-in helps any more: the state of an approver back from a long weekend. */
    public synchronized void expireEverything() {
        expireAccessTokens();
        expireRoleCredentials();
        refreshTokens.clear();
    }

    public synchronized void setLifetimes(Duration accessToken, Duration roleCredentials) {
        this.accessTokenLifetime = accessToken;
        this.roleCredentialsLifetime = roleCredentials;
    }

    public synchronized void denyAction(String action, String identity) {
        denials.add(new Denial(action, identity));
    }

    public synchronized void setDenials(List<Denial> newDenials) {
        denials.clear();
        denials.addAll(newDenials);
    }

    public synchronized List<Denial> denials() {
        return List.copyOf(denials);
    }

    public synchronized List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    // ---------------------------------------------------------------- helpers

    private Instant now() {
        return clock.instant();
    }

    static String normaliseUserCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    private String userCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(USER_CODE_LETTERS.charAt(random.nextInt(USER_CODE_LETTERS.length())));
        }
        return code.toString();
    }

    private String randomToken(String prefix, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder token = new StringBuilder(prefix);
        while (token.length() < length) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    private String randomUpper(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static IdentityError oidc(String type, String error, String description, int status) {
        return new IdentityError(type, error, description, status);
    }
}
