package dev.tollgate.sandbox.ecr;

import java.time.Instant;

/** A sandbox ECR repository. */
public record RepositoryRecord(String name, String accountId, String region, Instant createdAt) {

    public String arn() {
        return "arn:aws:ecr:" + region + ":" + accountId + ":repository/" + name;
    }

    public String uri() {
        return accountId + ".dkr.ecr." + region + ".amazonaws.com/" + name;
    }
}
