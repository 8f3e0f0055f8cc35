CREATE TABLE "user" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "select" VARCHAR(50) NOT NULL
);

CREATE TABLE "order" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "user" INTEGER NOT NULL,
    "group" VARCHAR(20),
    "from" DATE
);
