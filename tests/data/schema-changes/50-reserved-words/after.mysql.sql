-- As after.sql with MariaDB's backquotes.
CREATE TABLE `user` (
    `id` INTEGER NOT NULL PRIMARY KEY,
    `select` VARCHAR(50) NOT NULL,
    `limit` INTEGER NOT NULL DEFAULT 10
);

CREATE TABLE `order` (
    `id` INTEGER NOT NULL PRIMARY KEY,
    `user` INTEGER NOT NULL,
    `group` VARCHAR(40),
    `from` DATE,
    CONSTRAINT `references` FOREIGN KEY (`user`) REFERENCES `user` (`id`),
    CONSTRAINT `check` CHECK (`group` <> 'none')
);

CREATE INDEX `where` ON `order` (`from`, `group`);
