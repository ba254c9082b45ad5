package dev.tollgate.identity;

import java.time.Instant;

/**
 * What a person needs to approve a device sign-in: the code to compare and the page to open. Nothing here
 * is secret; the device code itself stays inside the sign-in.
 *
 * @param verificationUriComplete the page with the code filled in, which the app opens in the browser
 */
public record DeviceCode(String userCode, String verificationUri, String verificationUriComplete, Instant expiresAt) {
}
