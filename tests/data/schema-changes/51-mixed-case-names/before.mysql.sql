CREATE TABLE `CustomerOrders` (
    `OrderId` INTEGER NOT NULL PRIMARY KEY,
    `CustomerName` VARCHAR(100),
    `Total` NUMERIC(10,2)
);

CREATE TABLE `OrderLines` (
    `LineId` INTEGER NOT NULL PRIMARY KEY,
    `OrderId` INTEGER NOT NULL,
    `Sku` VARCHAR(20) NOT NULL
);
