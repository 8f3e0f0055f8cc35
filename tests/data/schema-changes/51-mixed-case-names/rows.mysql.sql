INSERT INTO `CustomerOrders` (`OrderId`, `CustomerName`, `Total`) VALUES (1, 'Acme', 10.50),
    (2, 'Globex', NULL);
INSERT INTO `OrderLines` (`LineId`, `OrderId`, `Sku`) VALUES (1, 1, 'A-1'), (2, 1, 'B-2'),
    (3, 2, 'C-3');
