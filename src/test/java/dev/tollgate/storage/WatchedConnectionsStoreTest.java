package dev.tollgate.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.identity.SsoPortal;
import dev.tollgate.identity.WatchedConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchedConnectionsStoreTest {

    private static final WatchedConnection.SsoRole PAYMENTS = new WatchedConnection.SsoRole(
            SsoPortal.session("acme", "https://acme.awsapps.com/start", "eu-west-1"), "210987654321", "Payments (prod)",
            "Approver", "eu-central-1", false);

    @TempDir
    Path folder;

    @Test
    void roundTripsEveryKindOfConnectionInOrder() throws Exception {
        WatchedConnectionsStore store = new WatchedConnectionsStore(folder.resolve("connections.json"));
        List<WatchedConnection> watched = List.of(new WatchedConnection.Sandbox(),
                new WatchedConnection.Profile("release-approver", "eu-west-1"), PAYMENTS,
                new WatchedConnection.SsoRole(SsoPortal.legacy("https://tollgate-sandbox.awsapps.com/start", "us-east-1"),
                        "123456789012", "", "ReadOnly", "us-east-1", true));

        store.save(watched);

        assertThat(new WatchedConnectionsStore(folder.resolve("connections.json")).load()).isEqualTo(watched);
    }

    @Test
    void theFirstRunHasNothingSaved() {
        assertThat(new WatchedConnectionsStore(folder.resolve("connections.json")).load()).isEmpty();
    }

    @Test
    void savesNamesOnlyAndOnlyForTheOwner() throws Exception {
        Path file = folder.resolve("connections.json");

        new WatchedConnectionsStore(file).save(List.of(PAYMENTS));

        assertThat(Files.readString(file)).contains("\"accountId\" : \"210987654321\"").doesNotContainIgnoringCase("token")
                .doesNotContainIgnoringCase("secret");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void skipsWhatItCannotReadAndKeepsTheRest() throws Exception {
        Path file = folder.resolve("connections.json");
        Files.writeString(file, """
                [ {"kind": "sandbox"},
                  {"kind": "carrier-pigeon", "region": "eu-west-1"},
                  {"kind": "profile", "region": "eu-west-1"},
                  {"kind": "profile", "profile": "ops", "region": "eu-west-1", "addedInVersion": 9},
                  {"kind": "profile", "profile": "ops", "region": "eu-west-1"} ]
                """);

        assertThat(new WatchedConnectionsStore(file).load()).containsExactly(new WatchedConnection.Sandbox(),
                new WatchedConnection.Profile("ops", "eu-west-1"));
    }

    @Test
    void aBrokenFileStartsAsAFirstRun() throws Exception {
        Path file = folder.resolve("connections.json");
        Files.writeString(file, "[ {\"kind\": ");

        assertThat(new WatchedConnectionsStore(file).load()).isEmpty();
    }
}
