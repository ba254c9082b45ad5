package dev.tollgate.aws;

import dev.tollgate.identity.ProfileSummary;
import dev.tollgate.identity.SsoPortal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The profiles and IAM Identity Center sessions of the shared config files, read with the SDK's own parser
 * ({@link ProfileFile}), so Tollgate understands exactly what the SDK and CLI understand. Only names,
 * regions, portals, accounts and roles come out of here; keys stay in the files.
 */
public final class AwsProfiles {

    static final String SSO_SESSION = "sso_session";
    static final String SSO_SESSION_SECTION = "sso-session";

    private final AwsEnvironment environment;

    public AwsProfiles(AwsEnvironment environment) {
        this.environment = environment;
    }

    /** Every profile, the default one first, then by name. */
    public List<ProfileSummary> profiles() {
        Optional<ProfileFile> files = environment.profileFile();
        if (files.isEmpty()) {
            return List.of();
        }
        List<ProfileSummary> summaries = new ArrayList<>();
        for (Profile profile : files.get().profiles().values()) {
            summaries.add(summary(profile, files.get()));
        }
        summaries.sort(Comparator.comparing((ProfileSummary p) -> !p.name().equals("default"))
                .thenComparing(ProfileSummary::name));
        return summaries;
    }

    /**
     * The portals to offer for a new sign-in: each {@code [sso-session NAME]} section, and the start URL of
     * each legacy SSO profile, without repeats.
     */
    public List<SsoPortal> portals() {
        Optional<ProfileFile> files = environment.profileFile();
        Map<String, SsoPortal> portals = new LinkedHashMap<>();
        files.ifPresent(f -> {
            for (Profile profile : f.profiles().values()) {
                portalOf(profile, f).ifPresent(portal -> portals.putIfAbsent(portal.cacheKey(), portal));
            }
        });
        return List.copyOf(portals.values());
    }

    public Optional<ProfileSummary> profile(String name) {
        return environment.profileFile().flatMap(f -> f.profile(name).map(p -> summary(p, f)));
    }

    /** The account and role an SSO profile signs in to, when it is one and names both. */
    public Optional<ConnectionSettings.CredentialsSource.SsoRole> ssoRole(String profileName) {
        return environment.profileFile().flatMap(f -> f.profile(profileName).flatMap(p -> ssoRoleOf(p, f)));
    }

    static Optional<ConnectionSettings.CredentialsSource.SsoRole> ssoRoleOf(Profile profile, ProfileFile files) {
        Optional<SsoPortal> portal = portalOf(profile, files);
        Optional<String> account = profile.property(ProfileProperty.SSO_ACCOUNT_ID);
        Optional<String> role = profile.property(ProfileProperty.SSO_ROLE_NAME);
        if (portal.isEmpty() || account.isEmpty() || role.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConnectionSettings.CredentialsSource.SsoRole(portal.get(), account.get(), role.get()));
    }

    /**
     * The portal of an SSO profile. With {@code sso_session}, the session section holds the start URL and
     * region (the profile may repeat them; the CLI insists they agree, and so does the SDK); without it, the
     * legacy {@code sso_start_url} and {@code sso_region} are on the profile itself.
     */
    static Optional<SsoPortal> portalOf(Profile profile, ProfileFile files) {
        Optional<String> sessionName = profile.property(SSO_SESSION);
        if (sessionName.isPresent()) {
            Optional<Profile> session = files.getSection(SSO_SESSION_SECTION, sessionName.get());
            Optional<String> startUrl = session.flatMap(s -> s.property(ProfileProperty.SSO_START_URL))
                    .or(() -> profile.property(ProfileProperty.SSO_START_URL));
            Optional<String> region = session.flatMap(s -> s.property(ProfileProperty.SSO_REGION))
                    .or(() -> profile.property(ProfileProperty.SSO_REGION));
            if (startUrl.isEmpty() || region.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(SsoPortal.session(sessionName.get(), startUrl.get(), region.get()));
        }
        Optional<String> startUrl = profile.property(ProfileProperty.SSO_START_URL);
        Optional<String> region = profile.property(ProfileProperty.SSO_REGION);
        if (startUrl.isEmpty() || region.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SsoPortal.legacy(startUrl.get(), region.get()));
    }

    private static ProfileSummary summary(Profile profile, ProfileFile files) {
        Optional<SsoPortal> portal = portalOf(profile, files);
        ProfileSummary.Kind kind;
        if (portal.isPresent()) {
            kind = ProfileSummary.Kind.SSO;
        } else if (profile.property(ProfileProperty.ROLE_ARN).isPresent()) {
            kind = ProfileSummary.Kind.ASSUME_ROLE;
        } else if (profile.property(ProfileProperty.AWS_ACCESS_KEY_ID).isPresent()) {
            kind = ProfileSummary.Kind.KEYS;
        } else {
            kind = ProfileSummary.Kind.OTHER;
        }
        return new ProfileSummary(profile.name(), profile.property(ProfileProperty.REGION), kind, portal,
                profile.property(ProfileProperty.SSO_ACCOUNT_ID), profile.property(ProfileProperty.SSO_ROLE_NAME));
    }
}
