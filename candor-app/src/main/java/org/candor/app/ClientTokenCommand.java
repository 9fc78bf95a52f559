package org.candor.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.candor.cluster.ClientCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints the token a cluster client (a gateway, an admin tool) presents for its client id, derived from the
 * cluster's client secret. Give each client its token, never the secret: a token speaks for one client id only.
 */
@Command(name = "client-token", mixinStandardHelpOptions = true,
    description = "Print the connect token of a client id for a cluster started with --client-secret-file.")
final class ClientTokenCommand implements Callable<Integer> {
    @Option(names = "--secret-file", required = true, description = "The cluster's client secret file.")
    Path secretFile;

    @Option(names = "--client-id", required = true, description = "The client id the token proves (positive).")
    long clientId;

    @Override
    public Integer call() throws Exception {
        if (clientId < 1) {
            System.err.println("candor client-token: reason=client-id-not-positive clientId=" + clientId);
            return 2;
        }
        System.out.println(HexFormat.of().formatHex(ClientCredentials.token(Files.readAllBytes(secretFile),
            clientId)));
        return 0;
    }
}
