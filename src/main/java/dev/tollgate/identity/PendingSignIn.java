package dev.tollgate.identity;

/** A device sign-in that has started: the code to show, and the wait for the person to approve it. */
public interface PendingSignIn {

    DeviceCode code();

    /**
     * Polls until the person approves or declines, the code expires or the wait is cancelled, honouring the
     * interval Identity Center asks for (and slowing down when told to). Blocks: call off the UI thread. On
     * success the token is already in the shared cache.
     *
     * @throws dev.tollgate.pipeline.GatewayException when Identity Center cannot be reached or refuses the client
     */
    SignInOutcome await(SignInWait wait);
}
