package dev.tollgate.storage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.identity.SsoPortal;
import dev.tollgate.identity.WatchedConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections the approver watches, remembered between runs in the order they were added. The file
 * holds names (profile, portal, account, role, region), never a credential. A missing, broken or partly
 * unknown file never stops the app: what cannot be read is skipped and logged.
 */
public final class WatchedConnectionsStore {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedConnectionsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public WatchedConnectionsStore(Path file) {
        this.file = file;
    }

    /** The saved connections; empty on the first run, or when none could be read. */
    public List<WatchedConnection> load() {
        List<Saved> saved;
        try {
            saved = JSON.readValue(Files.readAllBytes(file), new TypeReference<List<Saved>>() { });
        } catch (NoSuchFileException firstRun) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the watched connections from {}; starting as on a first run: {}", file, e.getMessage());
            return List.of();
        }
        List<WatchedConnection> connections = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Saved entry : saved) {
            Optional<WatchedConnection> connection = entry == null ? Optional.empty() : entry.toConnection();
            if (connection.isEmpty()) {
                LOG.warn("Skipping a saved connection Tollgate does not understand: {}", entry);
            } else if (keys.add(connection.get().id().key())) {
                connections.add(connection.get());
            }
        }
        return List.copyOf(connections);
    }

    /** Replaces the file atomically: a crash leaves the previous list, never half of one. Blocks on disk. */
    public void save(List<WatchedConnection> connections) throws IOException {
        List<Saved> saved = connections.stream().map(Saved::of).toList();
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(saved));
    }

    /** One line of the file; flat, so that hand edits and older or newer versions stay readable. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Saved(String kind, String profile, String region, String startUrl, String ssoRegion, String ssoSession,
                 String accountId, String accountName, String roleName, Boolean onSandbox) {

        static Saved of(WatchedConnection connection) {
            if (connection instanceof WatchedConnection.Profile p) {
                return new Saved("profile", p.name(), p.region(), null, null, null, null, null, null, null);
            }
            if (connection instanceof WatchedConnection.SsoRole r) {
                return new Saved("sso", null, r.region(), r.portal().startUrl(), r.portal().region(),
                        r.portal().sessionName().orElse(null), r.accountId(), r.accountName(), r.roleName(), r.onSandbox());
            }
            return new Saved("sandbox", null, null, null, null, null, null, null, null, null);
        }

        Optional<WatchedConnection> toConnection() {
            if ("sandbox".equals(kind)) {
                return Optional.of(new WatchedConnection.Sandbox());
            }
            if ("profile".equals(kind) && present(profile) && present(region)) {
                return Optional.of(new WatchedConnection.Profile(profile, region));
            }
            if ("sso".equals(kind) && present(startUrl) && present(ssoRegion) && present(accountId) && present(roleName)
                    && present(region)) {
                SsoPortal portal = new SsoPortal(Optional.ofNullable(ssoSession), startUrl, ssoRegion);
                return Optional.of(new WatchedConnection.SsoRole(portal, accountId, accountName, roleName, region,
                        Boolean.TRUE.equals(onSandbox)));
            }
            return Optional.empty();
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }
}
