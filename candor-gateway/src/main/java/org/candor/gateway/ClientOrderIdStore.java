package org.candor.gateway;

/**
 * Where {@link ClientOrderIds} finds the strings of orders placed before client order labels travelled in the log
 * (schema version 4 and older): gateways then saved each string in their database before acknowledging the order.
 */
interface ClientOrderIdStore {
    /** The string saved for the number, or null. */
    String find(long userId, long number);

    /** No store: a gateway without a database, or one whose exchange began with labels. */
    ClientOrderIdStore NONE = (userId, number) -> null;
}
