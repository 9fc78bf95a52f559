package org.candor.app.demo;

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

/**
 * The demo's credentials file: the gateway's base URL and each demo user's API key and secret, so a person or a bot
 * (CCXT, curl) can trade at once. Written owner-only (0600): the secrets are in clear, as a downloaded key file
 * would be. Keys are new random strings at every start; nothing else keeps them.
 */
public final class DemoCredentials {
    /** Letters and digits only: what Binance keys look like and what the gateway's key format accepts. */
    private static final char[] ALPHABET =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    static final int KEY_LENGTH = 64;

    /** One user's access. */
    public record User(String name, long userId, String apiKey, String secretKey) {
        @Override
        public String toString() {
            return "User[name=" + name + " userId=" + userId + " apiKey=" + apiKey + " secretKey=(hidden)]";
        }
    }

    private final String baseUrl;
    private final List<User> users = new ArrayList<>();

    public DemoCredentials(final String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A new random key or secret. */
    public static String randomToken(final SecureRandom random) {
        final char[] chars = new char[KEY_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    public void add(final User user) {
        users.add(user);
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

    /** Writes the file (replacing an older one), readable by its owner only. */
    public void write(final Path file) {
        final Map<String, Object> root = new LinkedHashMap<>();
        root.put("baseUrl", baseUrl);
        root.put("note", "Demo keys, new at every start of ./candor demo. Sign requests as Binance does "
            + "(HMAC-SHA256, header X-MBX-APIKEY); see README.md for CCXT.");
        final List<Map<String, Object>> list = new ArrayList<>();
        for (User user : users) {
            final Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", user.name());
            entry.put("userId", user.userId());
            entry.put("apiKey", user.apiKey());
            entry.put("secretKey", user.secretKey());
            list.add(entry);
        }
        root.put("users", list);
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
