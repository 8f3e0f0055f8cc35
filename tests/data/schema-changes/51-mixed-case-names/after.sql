-- Mixed-case table, column, index and constraint names, which PostgreSQL would fold to lower case
-- if they were not quoted.
CREATE TABLE "CustomerOrders" (
    "OrderId" INTEGER NOT NULL PRIMARY KEY,
    "CustomerName" VARCHAR(100) NOT NULL,
    "Total" NUMERIC(10,2) DEFAULT 0,
    "ShippedAt" TIMESTAMP NULL
);

CREATE TABLE "OrderLines" (
    "LineId" INTEGER NOT NULL PRIMARY KEY,
    "OrderId" INTEGER NOT NULL,
    "Sku" VARCHAR(20) NOT NULL,
    CONSTRAINT "FK_OrderLines_Order" FOREIGN KEY ("OrderId") REFERENCES "CustomerOrders" ("OrderId")
        ON DELETE CASCADE
);

CREATE INDEX "IX_CustomerOrders_CustomerName" ON "CustomerOrders" ("CustomerName");
