package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A faulty release that tries to restrict every account, over the real admin API: it stops at the blast-radius
 * limit (20 accounts an hour by default) with a stable code, the accounts past the limit keep their money
 * available, and going further takes a mass action that a second operator approves. Its own exchange, so no other
 * test's holds count towards the window.
 */
class BlastRadiusApiTest {
    private static final int LIMIT = 20;
    private static final long FIRST_USER = 8_001;
    private static final String EXPLANATION = encode("Release 4.2 flagged this account by mistake.");
    private static TestExchange exchange;
    private static AdminServer admin;
    private static OperatorClient olivia;
    private static OperatorClient oscar;

    @BeforeAll
    static void start() throws Exception {
        exchange = new TestExchange();
        final Gateway gateway = exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID,
            Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT);
        final TestOperators operators = TestOperators.start(exchange, gateway);
        admin = operators.admin();
        olivia = operators.olivia();
        oscar = operators.oscar();
    }

    @AfterAll
    static void stop() {
        CloseHelper.quietCloseAll(admin, exchange);
    }

    @Test
    void aFaultyMassBlockStopsAtTheLimitAndGoesFurtherOnlyAsAMassActionOfTwoOperators() {
        final int accounts = LIMIT + 4;
        for (long user = FIRST_USER; user < FIRST_USER + accounts + 1; user++) {
            assertThat(olivia.post("/admin/v1/users", "userId=" + user).status()).isEqualTo(200);
            assertThat(olivia.post("/admin/v1/deposits", "userId=" + user + "&asset=USDT&amount=100&depositRef="
                + user).status()).isEqualTo(200);
        }

        // The faulty release holds funds on every account, and its approvals go through one by one.
        int inForce = 0;
        for (long user = FIRST_USER; user < FIRST_USER + accounts; user++) {
            final TestExchange.Reply approved = oscar.post("/admin/v1/holds/approve", "holdId=" + placeHold(user, 0));
            if (approved.status() == 200) {
                inForce++;
                continue;
            }
            assertThat(approved.status()).isEqualTo(400);
            assertThat(approved.json().path("code").asInt()).isEqualTo(-3067);
            assertThat(approved.json().path("msg").asText()).contains("BLAST_RADIUS_EXCEEDED");
        }
        assertThat(inForce).isEqualTo(LIMIT);
        for (long user = FIRST_USER + LIMIT; user < FIRST_USER + accounts; user++) {
            assertThat(bucket(user, "held")).as("user %d", user).isEqualTo("0.000000");
            assertThat(bucket(user, "available")).as("user %d", user).isEqualTo("100.000000");
        }

        // An incident that really needs more: one operator proposes, the same one cannot approve, another does.
        for (String bad : new String[] {"accountsMax=0&justification=x", "accountsMax=abc&justification=x",
            "accountsMax=4", "accountsMax=4&justification=", "accountsMax=2000000&justification=x"}) {
            assertThat(olivia.post("/admin/v1/mass-actions", bad).status()).as(bad).isEqualTo(400);
        }
        final TestExchange.Reply proposed = olivia.post("/admin/v1/mass-actions", "accountsMax=4&justification="
            + encode("Incident 77: four accounts seen draining through the same device."));
        assertThat(proposed.status()).as(proposed.raw().body()).isEqualTo(200);
        final long massAction = proposed.json().path("reference").asLong();
        assertThat(massAction).isPositive();
        final TestExchange.Reply self = olivia.post("/admin/v1/mass-actions/approve", "massActionId=" + massAction);
        assertThat(self.json().path("msg").asText()).contains("SELF_APPROVAL");
        final TestExchange.Reply early = hold(FIRST_USER + LIMIT, massAction);
        assertThat(early.json().path("msg").asText()).contains("MASS_ACTION_NOT_APPROVED");
        assertThat(oscar.post("/admin/v1/mass-actions/approve", "massActionId=" + massAction).status())
            .isEqualTo(200);
        assertThat(oscar.post("/admin/v1/mass-actions/approve", "massActionId=" + massAction).json().path("msg")
            .asText()).contains("MASS_ACTION_ALREADY_APPROVED");

        for (long user = FIRST_USER + LIMIT; user < FIRST_USER + accounts; user++) {
            assertThat(oscar.post("/admin/v1/holds/approve", "holdId=" + placeHold(user, massAction)).status())
                .isEqualTo(200);
        }
        for (long user = FIRST_USER + LIMIT; user < FIRST_USER + accounts; user++) {
            assertThat(bucket(user, "held")).as("user %d", user).isEqualTo("10.000000");
        }
        final TestExchange.Reply exhausted = hold(FIRST_USER + accounts, massAction);
        assertThat(exhausted.json().path("msg").asText()).contains("MASS_ACTION_EXHAUSTED");
        assertThat(bucket(FIRST_USER + accounts, "available")).isEqualTo("100.000000");

        final TestExchange.Reply trail = oscar.get("/admin/v1/actions", "limit=200");
        assertThat(trail.json().path("chainIntact").asBoolean()).isTrue();
        assertThat(trail.json().path("actions").findValuesAsText("action")).contains("propose-mass-action",
            "approve-mass-action");
        assertThat(trail.json().path("actions").findValuesAsText("outcome")).contains("BLAST_RADIUS_EXCEEDED");
    }

    private static long placeHold(final long user, final long massAction) {
        final TestExchange.Reply placed = hold(user, massAction);
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(200);
        return placed.json().path("reference").asLong();
    }

    /** What the faulty release sends: a small operational hold that releases itself at its deadline. */
    private static TestExchange.Reply hold(final long user, final long massAction) {
        return olivia.post("/admin/v1/holds", "userId=" + user
            + "&asset=USDT&amount=10&reason=OPERATIONAL_INCIDENT&releaseCondition=AUTO_RELEASE_AT_DEADLINE"
            + "&explanation=" + EXPLANATION + "&reviewHours=1"
            + (massAction > 0 ? "&massActionId=" + massAction : ""));
    }

    private static String bucket(final long userId, final String name) {
        final TestExchange.Reply reply = olivia.get("/admin/v1/balances", "userId=" + userId);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        for (var row : reply.json().path("balances")) {
            if (row.path("asset").asText().equals("USDT")) {
                return row.path(name).asText();
            }
        }
        throw new AssertionError("no USDT row for " + userId + ": " + reply.raw().body());
    }

    private static String encode(final String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
