/**
 * Who the approver is and how they sign in, in the approver's terms: the caller identity of a connection,
 * IAM Identity Center portals, device sign-ins, accounts and roles to pick, and the profiles on this machine.
 * Ports only (records and interfaces): {@code dev.tollgate.aws} implements them over the SDK and the UI uses
 * them, so neither has to know the other. No JavaFX, no SDK types, and never a token or secret.
 */
package dev.tollgate.identity;
