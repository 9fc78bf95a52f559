package org.candor.cluster;

/**
 * The members of a cluster on loopback: how many there are and the port base their ports are counted from. Member
 * {@code id} uses the {@link #PORTS_PER_MEMBER} ports from {@code portBase + id * PORTS_PER_MEMBER}: client ingress,
 * consensus, log, catch-up and archive control, in that order. A single node is the one-member case.
 *
 * @param count    members in the cluster: 1 (a single node), 3 or 5 (a majority survives one or two failures)
 * @param portBase the first port of member 0
 */
public record ClusterMembers(int count, int portBase) {
    /** Loopback only: members and clients are on this machine. */
    public static final String HOST = "127.0.0.1";
    /** Ports used per member, counted from its own base: ingress, consensus, log, catch-up, archive control. */
    public static final int PORTS_PER_MEMBER = 5;
    static final int INGRESS_PORT_OFFSET = 0;
    static final int CONSENSUS_PORT_OFFSET = 1;
    static final int LOG_PORT_OFFSET = 2;
    static final int CATCHUP_PORT_OFFSET = 3;
    static final int ARCHIVE_CONTROL_PORT_OFFSET = 4;
    /**
     * Sizes accepted: an even count tolerates no more failures than the odd count below it, and more than five
     * members only slow every commit down.
     */
    static final int COUNT_MAX = 5;

    /** Rejects counts other than 1, 3 and 5 and port ranges outside the unprivileged UDP ports. */
    public ClusterMembers {
        if (count < 1 || count > COUNT_MAX || count % 2 == 0) {
            throw new IllegalArgumentException("count=" + count + " must be 1, 3 or 5");
        }
        if (portBase < 1024 || portBase + count * PORTS_PER_MEMBER > 65_535) {
            throw new IllegalArgumentException("portBase=" + portBase + " count=" + count
                + " leaves the port range [1024, 65535]");
        }
    }

    /** The member line Aeron parses: per member its id, then ingress, consensus, log, catch-up and archive. */
    String aeronMembers() {
        final StringBuilder members = new StringBuilder();
        for (int id = 0; id < count; id++) {
            if (id > 0) {
                members.append('|');
            }
            members.append(id).append(',').append(endpoint(id, INGRESS_PORT_OFFSET))
                .append(',').append(endpoint(id, CONSENSUS_PORT_OFFSET))
                .append(',').append(endpoint(id, LOG_PORT_OFFSET))
                .append(',').append(endpoint(id, CATCHUP_PORT_OFFSET))
                .append(',').append(endpoint(id, ARCHIVE_CONTROL_PORT_OFFSET));
        }
        return members.toString();
    }

    /** Every member's client ingress endpoint in Aeron's {@code id=host:port,...} form, for a client to connect. */
    public String ingressEndpoints() {
        final StringBuilder endpoints = new StringBuilder();
        for (int id = 0; id < count; id++) {
            if (id > 0) {
                endpoints.append(',');
            }
            endpoints.append(id).append('=').append(endpoint(id, INGRESS_PORT_OFFSET));
        }
        return endpoints.toString();
    }

    /**
     * What a client sharing a member's media driver connects to: {@link ExchangeClient#IPC_INGRESS} for a single
     * node (no UDP hop either way), every member's ingress otherwise (the leader may be another member, and a client
     * follows it by endpoint).
     */
    public String localClientIngress() {
        return count == 1 ? ExchangeClient.IPC_INGRESS : ingressEndpoints();
    }

    /** {@code host:port} of one of a member's ports. */
    String endpoint(final int memberId, final int portOffset) {
        checkMember(memberId);
        return HOST + ":" + (portBase + memberId * PORTS_PER_MEMBER + portOffset);
    }

    void checkMember(final int memberId) {
        if (memberId < 0 || memberId >= count) {
            throw new IllegalArgumentException("memberId=" + memberId + " outside [0, " + count + ")");
        }
    }
}
