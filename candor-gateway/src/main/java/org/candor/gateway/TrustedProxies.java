package org.candor.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies (TLS terminators, load balancers) whose {@code X-Forwarded-For} the gateway believes, and the
 * client address that follows from it. The address a request comes from is what the per-IP weight limit charges
 * and what an API key's IP allow-list checks; behind a proxy every request would otherwise come from the proxy, one
 * shared bucket for all users and no allow-list that can work.
 *
 * <p>Only a request whose peer is a trusted proxy is read further. Its {@code X-Forwarded-For} is read from the
 * right (each proxy appends the address it received from), skipping trusted proxies: the first address that is not
 * one is the client. Addresses to the left of it were written by the client or by proxies nobody vouches for and
 * are ignored, so a client cannot choose its own address by sending the header. An entry that is not an IP address
 * stops the walk at the last proxy reached. Proxies are given as addresses or CIDR blocks, IPv4 or IPv6, as IP
 * literals only (a host name would need DNS on every request and could change under the gateway).
 */
public final class TrustedProxies {
    /** Trusts nobody: the peer address is the client's (a gateway reached directly). */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());
    static final String FORWARDED_FOR_HEADER = "X-Forwarded-For";
    /** Entries of one request's header chain read at most: a chain of proxies is short. */
    static final int HOPS_MAX = 16;

    private final List<Block> blocks;

    private TrustedProxies(final List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Parses a comma-separated list of addresses and CIDR blocks, e.g. {@code 127.0.0.1,10.0.0.0/8,fd00::/8}.
     *
     * @throws IllegalArgumentException naming the first entry that is not an IP literal or block
     */
    public static TrustedProxies parse(final String list) {
        final List<Block> blocks = new ArrayList<>();
        if (list != null && !list.isBlank()) {
            for (final String raw : list.split(",")) {
                blocks.add(Block.parse(raw.trim()));
            }
        }
        return new TrustedProxies(blocks);
    }

    /** Whether no proxy is trusted: then the peer is the client and the header is not even read. */
    boolean isEmpty() {
        return blocks.isEmpty();
    }

    /**
     * The client's address for a request from {@code peer} carrying {@code forwardedFor} (the header's values in the
     * order received, each possibly a comma-separated list; empty when absent).
     */
    String clientAddress(final String peer, final List<String> forwardedFor) {
        if (blocks.isEmpty() || !isTrusted(literal(peer))) {
            return peer;
        }
        final List<String> hops = new ArrayList<>();
        for (final String value : forwardedFor) {
            for (final String hop : value.split(",")) {
                hops.add(hop.trim());
            }
        }
        String reached = peer;
        for (int i = hops.size() - 1, read = 0; i >= 0 && read < HOPS_MAX; i--, read++) {
            final InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                return reached;
            }
            reached = hop.getHostAddress();
            if (!isTrusted(hop)) {
                return reached;
            }
        }
        return reached;
    }

    private boolean isTrusted(final InetAddress address) {
        if (address == null) {
            return false;
        }
        for (final Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return blocks.toString();
    }

    /**
     * An IP literal as an address, or null if {@code text} is not one. No DNS: a name is refused before the JDK
     * could look it up.
     */
    static InetAddress literal(final String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        final boolean v6 = text.indexOf(':') >= 0;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            final boolean ok = c >= '0' && c <= '9' || c == '.'
                || v6 && (c == ':' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
            if (!ok) {
                return null;
            }
        }
        if (!v6 && !isDottedQuad(text)) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isDottedQuad(final String text) {
        final String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (final String part : parts) {
            if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** An address block: the first {@code bits} bits of {@code network}. */
    private record Block(byte[] network, int bits, String text) {
        static Block parse(final String text) {
            final int slash = text.indexOf('/');
            final InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR block: '" + text + "'");
            }
            final int width = address.getAddress().length * 8;
            int bits = width;
            if (slash >= 0) {
                final String suffix = text.substring(slash + 1);
                if (suffix.isEmpty() || suffix.length() > 3 || !suffix.chars().allMatch(Character::isDigit)) {
                    throw new IllegalArgumentException("not a CIDR prefix length: '" + text + "'");
                }
                bits = Integer.parseInt(suffix);
                if (bits > width) {
                    throw new IllegalArgumentException("prefix longer than the address: '" + text + "'");
                }
            }
            return new Block(address.getAddress(), bits, text);
        }

        boolean contains(final InetAddress address) {
            final byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            final int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            final int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            final int mask = 0xFF << (8 - rest) & 0xFF;
            return (bytes[whole] & mask) == (network[whole] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
