-- Client order ids as the client wrote them (decision 0016): the engine's orders carry a number derived from the
-- string, and since version 5 the string itself travels in the log as an order-labelled event right after the
-- order's acceptance. NULL for an order placed without one, and for orders projected before version 5 (their
-- strings are in the gateway's client_order_id table, which gateways still read).
ALTER TABLE orders ADD COLUMN client_order_label text;
