package org.candor.gateway;

/** What an API key may do. READ: account, orders, trades; TRADE: place and cancel orders; WITHDRAW: wallet moves. */
public enum Permission {
    READ,
    TRADE,
    WITHDRAW,
    /** Operator keys only (the admin API); a trading key never carries it. */
    OPERATE
}
