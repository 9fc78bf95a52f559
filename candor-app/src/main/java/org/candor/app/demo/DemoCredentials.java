package org.candor.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.candor.gateway.RandomTokens;

/**
 * The demo's credentials file: the gateway's base URL and each demo user's API key and secret, so a person or a bot
 * (CCXT, curl) can trade at once; and the admin API's URL with the demo operators' keys, which {@code ./candor
 * admin} reads. Written owner-only (0600): the secrets are in clear, as a downloaded key file
 * would be. Keys are new random strings at every start; nothing else keeps them.
 */
public final class DemoCredentials {
    static final int KEY_LENGTH = 64;

    /** One user's access. */
    public record User(String name, long userId, String apiKey, String secretKey) {
        @Override
        public String toString() {
            return "User[name=" + name + " userId=" + userId + " apiKey=" + apiKey + " secretKey=(hidden)]";
        }
    }

    private final String baseUrl;
    private final String adminUrl;
    private final List<User> users = new ArrayList<>();
    private final List<User> operators = new ArrayList<>();
    /** Web app and console passwords by login name (users' and operators' names never collide in the demo). */
    private final Map<String, String> passwords = new LinkedHashMap<>();

    public DemoCredentials(final String baseUrl, final String adminUrl) {
        this.baseUrl = baseUrl;
        this.adminUrl = adminUrl;
    }

    /** Reads a file {@link #write} wrote. */
    public static DemoCredentials read(final Path file) {
        try {
            final JsonNode root = new ObjectMapper().readTree(file.toFile());
            final DemoCredentials credentials = new DemoCredentials(root.path("baseUrl").asText(),
                root.path("adminUrl").asText());
            root.path("users").forEach(node -> credentials.add(user(node, "userId")));
            root.path("operators").forEach(node -> credentials.addOperator(user(node, "operatorId")));
            for (JsonNode node : List.of(root.path("users"), root.path("operators"))) {
                node.forEach(entry -> {
                    if (entry.hasNonNull("password")) {
                        credentials.addPassword(entry.path("name").asText(), entry.path("password").asText());
                    }
                });
            }
            return credentials;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read credentials from " + file + ": " + e.getMessage(), e);
        }
    }

    private static User user(final JsonNode node, final String idField) {
        return new User(node.path("name").asText(), node.path(idField).asLong(), node.path("apiKey").asText(),
            node.path("secretKey").asText());
    }

    /** A new random key or secret (letters and digits, as Binance keys). */
    public static String randomToken(final SecureRandom random) {
        return RandomTokens.alphanumeric(random, KEY_LENGTH);
    }

    public void add(final User user) {
        users.add(user);
    }

    /** An operator's admin key; {@code userId} of the record is the operator's id. */
    public void addOperator(final User operator) {
        operators.add(operator);
    }

    /** The web login's password of a user or operator (the web app on baseUrl, the console on adminUrl). */
    public void addPassword(final String name, final String password) {
        passwords.put(name, password);
    }

    public String password(final String name) {
        final String password = passwords.get(name);
        if (password == null) {
            throw new IllegalArgumentException("no web login named " + name + " in the credentials");
        }
        return password;
    }

    public String adminUrl() {
        return adminUrl;
    }

    public List<User> operators() {
        return List.copyOf(operators);
    }

    /** The operator of that name, or the first one when {@code name} is null. */
    public User operator(final String name) {
        return operators.stream().filter(u -> name == null || u.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no operator named " + name + " in the credentials"));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public List<User> users() {
        return List.copyOf(users);
    }

    public User user(final String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no demo user named " + name));
    }

    private List<Map<String, Object>> entries(final List<User> list, final String idField) {
        final List<Map<String, Object>> entries = new ArrayList<>();
        for (User user : list) {
            final Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", user.name());
            entry.put(idField, user.userId());
            entry.put("apiKey", user.apiKey());
            entry.put("secretKey", user.secretKey());
            if (passwords.containsKey(user.name())) {
                entry.put("password", passwords.get(user.name()));
            }
            entries.add(entry);
        }
        return entries;
    }

    /** Writes the file (replacing an older one), readable by its owner only. */
    public void write(final Path file) {
        final Map<String, Object> root = new LinkedHashMap<>();
        root.put("baseUrl", baseUrl);
        root.put("adminUrl", adminUrl);
        root.put("note", "Demo keys, new at every start of ./candor demo. Sign requests as Binance does "
            + "(HMAC-SHA256, header X-MBX-APIKEY); see README.md for CCXT. Each password logs in to the web app at "
            + "baseUrl (users) or the operators' console at adminUrl (operators).");
        root.put("users", entries(users, "userId"));
        root.put("operators", entries(operators, "operatorId"));
        try {
            final Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            final Path temporary = Files.createTempFile(absolute.getParent(), ".credentials", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(temporary.toFile(), root);
            Files.move(temporary, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo credentials to " + file, e);
        }
    }
}
