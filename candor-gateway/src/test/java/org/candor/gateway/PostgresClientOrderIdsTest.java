package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Group commit of client order id strings: every saver returns only once its own string is in the table. */
class PostgresClientOrderIdsTest {
    private static final int SAVERS = 16;
    private static final int SAVES_EACH = 100;
    private static DataSource database;
    private static ExecutorService threads;

    @BeforeAll
    static void migrate() {
        database = TestPostgres.freshDatabase();
        PostgresApiKeyStore.migrate(database, new SecretCipher(PostgresApiKeyStoreTest.MASTER_KEY));
        threads = Executors.newFixedThreadPool(SAVERS);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
    }

    @Test
    void concurrentSaversEachFindTheirStringCommittedWhenSaveReturns() throws Exception {
        final PostgresClientOrderIds strings = new PostgresClientOrderIds(database);
        final CountDownLatch start = new CountDownLatch(1);
        final List<Future<Integer>> savers = new ArrayList<>();
        for (int s = 0; s < SAVERS; s++) {
            final long userId = 1_000 + s;
            savers.add(threads.submit(() -> {
                start.await();
                int missing = 0;
                for (int i = 0; i < SAVES_EACH; i++) {
                    final String text = "bot-" + i;
                    final long number = ClientOrderIds.derived(userId, text);
                    strings.save(userId, number, text);
                    // Read on another connection right away: save returned, so the row is committed.
                    if (!text.equals(strings.find(userId, number))) {
                        missing++;
                    }
                }
                return missing;
            }));
        }
        start.countDown();
        for (final Future<Integer> saver : savers) {
            assertThat(saver.get()).isZero();
        }
        assertThat(rows("user_id BETWEEN 1000 AND 1015")).isEqualTo(SAVERS * SAVES_EACH);
    }

    @Test
    void theSameStringSavedTwiceAtOnceIsOneRow() throws Exception {
        final PostgresClientOrderIds strings = new PostgresClientOrderIds(database);
        final long number = ClientOrderIds.derived(77, "twice");
        final List<Future<?>> savers = new ArrayList<>();
        for (int s = 0; s < SAVERS; s++) {
            savers.add(threads.submit(() -> strings.save(77, number, "twice")));
        }
        for (final Future<?> saver : savers) {
            saver.get();
        }
        assertThat(strings.find(77, number)).isEqualTo("twice");
        assertThat(rows("user_id = 77")).isEqualTo(1);
    }

    @Test
    void aFailedWriteFailsEverySaverInItAndTheNextWriteWorksAgain() throws Exception {
        final boolean[] down = {true};
        final DataSource flaky = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                if (down[0] && "getConnection".equals(method.getName())) {
                    throw new SQLException("database unreachable");
                }
                try {
                    return method.invoke(database, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        final PostgresClientOrderIds strings = new PostgresClientOrderIds(flaky);
        final long number = ClientOrderIds.derived(88, "lost");
        assertThatThrownBy(() -> strings.save(88, number, "lost"))
            .hasMessageContaining("client-order-id-save-failed").hasRootCauseMessage("database unreachable");

        down[0] = false;
        strings.save(88, number, "kept");
        assertThat(strings.find(88, number)).isEqualTo("kept");
    }

    private static int rows(final String where) throws SQLException {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM gateway.client_order_id WHERE " + where)) {
            count.next();
            return count.getInt(1);
        }
    }
}
