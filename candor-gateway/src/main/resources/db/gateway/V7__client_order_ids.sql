-- The client order id strings users gave (Binance's newClientOrderId), by the engine's number for them: the way
-- back from an order to its string after a gateway restart. The number is derived from (user, string), so the
-- way there needs no table (ClientOrderIds).
CREATE TABLE client_order_id (
    user_id   bigint NOT NULL,
    number    bigint NOT NULL,
    text      text   NOT NULL CHECK (length(text) BETWEEN 1 AND 36),
    PRIMARY KEY (user_id, number)
);
