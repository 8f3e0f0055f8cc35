CREATE TABLE products (
    id INTEGER NOT NULL PRIMARY KEY,
    sku VARCHAR(20) NOT NULL,
    name VARCHAR(100) NOT NULL,
    category VARCHAR(30)
);

CREATE INDEX ix_products_category ON products (category);
CREATE INDEX ix_products_category_name ON products (category, name);
