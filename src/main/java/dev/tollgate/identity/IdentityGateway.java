package dev.tollgate.identity;

/** Asks AWS who the current connection's credentials belong to. */
public interface IdentityGateway {

    /**
     * @throws dev.tollgate.pipeline.GatewayException when AWS cannot be asked or the credentials are refused
     *         (expired, invalid, missing)
     */
    CallerIdentity whoAmI();
}
