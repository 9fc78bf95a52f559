package org.candor.gateway;

/**
 * The admin API of a test gateway with its two operators, olivia (900) and oscar (901), each with an operator key
 * in the exchange's database: what every admin test starts from.
 */
record TestOperators(AdminServer admin, OperatorActions actions, OperatorClient olivia, OperatorClient oscar)
    implements AutoCloseable {
    static final long OLIVIA = 900;
    static final long OSCAR = 901;
    static final String OLIVIA_KEY = "OliviaOperatorKey00000001";
    static final String OSCAR_KEY = "OscarOperatorKey000000001";

    /** Starts the gateway's admin API on a free port with both operators' keys. */
    static TestOperators start(final TestExchange exchange, final Gateway gateway) {
        final PostgresOperatorKeyStore keys =
            new PostgresOperatorKeyStore(exchange.pool, new SecretCipher(PostgresApiKeyStoreTest.MASTER_KEY));
        keys.create(OLIVIA_KEY, OLIVIA, "olivia", "olivia-secret");
        keys.create(OSCAR_KEY, OSCAR, "oscar", "oscar-secret");
        final OperatorActions actions = new OperatorActions(exchange.pool);
        final AdminServer admin = gateway.startAdmin("127.0.0.1", 0, keys, exchange.keys, actions);
        return new TestOperators(admin, actions, new OperatorClient(exchange, admin::port, OLIVIA_KEY,
            "olivia-secret"), new OperatorClient(exchange, admin::port, OSCAR_KEY, "oscar-secret"));
    }

    @Override
    public void close() {
        admin.close();
    }
}
