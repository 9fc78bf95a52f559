package org.candor.gateway;

/**
 * Not a test: a whole exchange with a gateway on a fixed port and two funded traders, for driving with the real
 * CCXT ({@code src/test/ccxt/smoke.mjs}). Prints the base URL and the traders' keys, then runs until killed.
 */
final class CcxtSandbox {
    private static final int DEFAULT_PORT = 18080;

    private CcxtSandbox() {
    }

    public static void main(final String[] args) throws Exception {
        final int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        final TestExchange exchange = new TestExchange();
        Runtime.getRuntime().addShutdownHook(new Thread(exchange::close));
        exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT, port);
        final TestExchange.ApiClient first = exchange.newTrader();
        final TestExchange.ApiClient second = exchange.newTrader();
        System.out.println("BASE=http://127.0.0.1:" + port);
        System.out.println("KEYS=" + first.key + " " + TestExchange.secretOf(first) + " " + second.key + " "
            + TestExchange.secretOf(second));
        System.out.flush();
        Thread.currentThread().join();
    }
}
