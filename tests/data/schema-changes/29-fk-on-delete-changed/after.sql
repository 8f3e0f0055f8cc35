-- A foreign key without an action (NO ACTION; MariaDB reports RESTRICT) gets ON DELETE CASCADE.
CREATE TABLE orders (
    id INTEGER NOT NULL PRIMARY KEY,
    placed_on DATE NOT NULL
);

CREATE TABLE order_items (
    id INTEGER NOT NULL PRIMARY KEY,
    order_id INTEGER NOT NULL,
    product VARCHAR(100) NOT NULL,
    CONSTRAINT fk_order_items_order FOREIGN KEY (order_id) REFERENCES orders (id)
        ON DELETE CASCADE
);
