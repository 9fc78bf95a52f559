package org.candor.gateway;

/** Where {@link ClientOrderIds} keeps the strings users gave, so they outlive the gateway's memory. */
interface ClientOrderIdStore {
    /** Remembers a user's string for its number (idempotent). */
    void save(long userId, long number, String text);

    /** The string saved for the number, or null. */
    String find(long userId, long number);

    /** No store: strings live in memory only (tests, and gateways without a database). */
    ClientOrderIdStore NONE = new ClientOrderIdStore() {
        @Override
        public void save(final long userId, final long number, final String text) {
        }

        @Override
        public String find(final long userId, final long number) {
            return null;
        }
    };
}
