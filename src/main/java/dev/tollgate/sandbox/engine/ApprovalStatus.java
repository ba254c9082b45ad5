package dev.tollgate.sandbox.engine;

/** A reviewer's decision on a manual approval. */
public enum ApprovalStatus {
    Approved, Rejected
}
