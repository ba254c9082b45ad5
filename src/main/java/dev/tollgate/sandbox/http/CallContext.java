package dev.tollgate.sandbox.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who made a request, from its SigV4 Authorization header. The sandbox accepts any credentials; it only
 * reads the access key id so that approvals record who gave them. The signature is never read or logged.
 */
public record CallContext(String requestId, Optional<String> accessKeyId, String accountId, Optional<String> principalArn) {

    public CallContext(String requestId, Optional<String> accessKeyId, String accountId) {
        this(requestId, accessKeyId, accountId, Optional.empty());
    }

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Za-z0-9]+)/");

    public static CallContext from(String requestId, String authorization, String accountId) {
        Optional<String> akid = Optional.empty();
        if (authorization != null) {
            Matcher m = CREDENTIAL.matcher(authorization);
            if (m.find()) {
                akid = Optional.of(m.group(1));
            }
        }
        return new CallContext(requestId, akid, accountId);
    }

    /** The same call, made by the principal the identity center knows for its access key. */
    public CallContext withPrincipalArn(String arn) {
        return new CallContext(requestId, accessKeyId, accountId, Optional.of(arn));
    }

    /**
     * The caller as an assumed-role session ARN, as CodePipeline records it in lastUpdatedBy and
     * GetCallerIdentity answers it: the SSO role session for keys the sandbox portal issued, otherwise the
     * standing approver role with the caller's access key id as the session name.
     */
    public String identityArn() {
        return principalArn.orElseGet(() ->
                "arn:aws:sts::" + accountId + ":assumed-role/Approver/" + accessKeyId.orElse("anonymous"));
    }
}
