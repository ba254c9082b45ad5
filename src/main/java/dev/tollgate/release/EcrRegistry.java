package dev.tollgate.release;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private Amazon ECR registry, recognised from its host name.
 *
 * <p>Recognised hosts: {@code <account>.dkr.ecr.<region>.amazonaws.com}, the FIPS variant
 * {@code <account>.dkr.ecr-fips.<region>.amazonaws.com}, the China partition
 * {@code <account>.dkr.ecr.<region>.amazonaws.com.cn}, and the dual-stack
 * {@code <account>.dkr-ecr.<region>.on.aws}. Public ECR ({@code public.ecr.aws}) is a different
 * service and is not an {@code EcrRegistry}.
 *
 * @param accountId the 12-digit AWS account that owns the registry
 * @param region    the AWS region, e.g. {@code eu-west-1}
 * @param fips      whether the host is a FIPS endpoint
 */
public record EcrRegistry(String accountId, String region, boolean fips) {

    private static final String REGION = "([a-z]{2}(?:-[a-z]+)+-\\d{1,2})";
    private static final Pattern CLASSIC_HOST =
            Pattern.compile("(\\d{12})\\.dkr\\.(ecr|ecr-fips)\\." + REGION + "\\.amazonaws\\.com(?:\\.cn)?");
    private static final Pattern DUAL_STACK_HOST = Pattern.compile("(\\d{12})\\.dkr-ecr\\." + REGION + "\\.on\\.aws");

    /** Validates the account id (12 digits) and that the region is present. */
    public EcrRegistry {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("An AWS account id has 12 digits: " + DisplayText.quote(accountId));
        }
        if (region.isBlank()) {
            throw new IllegalArgumentException("The region is blank");
        }
    }

    /**
     * Recognises an ECR registry from an image reference's registry part.
     *
     * @param registry {@code host} or {@code host:port}; a port means it is not ECR
     * @return the registry, or empty when the host is not a private ECR host
     */
    public static Optional<EcrRegistry> fromRegistry(String registry) {
        if (registry.indexOf(':') >= 0) {
            return Optional.empty();
        }
        String host = registry.toLowerCase(Locale.ROOT);
        Matcher classic = CLASSIC_HOST.matcher(host);
        if (classic.matches()) {
            return Optional.of(new EcrRegistry(classic.group(1), classic.group(3), classic.group(2).equals("ecr-fips")));
        }
        Matcher dualStack = DUAL_STACK_HOST.matcher(host);
        if (dualStack.matches()) {
            return Optional.of(new EcrRegistry(dualStack.group(1), dualStack.group(2), false));
        }
        return Optional.empty();
    }
}
