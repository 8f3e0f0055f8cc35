INSERT INTO "user" ("id", "select") VALUES (1, 'all'), (2, 'some');
INSERT INTO "order" ("id", "user", "group", "from") VALUES (1, 1, 'a', '2024-01-01'),
    (2, 2, NULL, NULL);
