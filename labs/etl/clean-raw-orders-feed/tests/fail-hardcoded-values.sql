-- Wrong: the visible answer typed in by hand. It cannot follow new feed rows.
INSERT INTO clean.orders VALUES
    (5001, 'anna.berg@example.com', 'paid', 12.50, DATE '2024-03-01', 'SE'),
    (5002, 'tom.hall@example.com', 'shipped', 129.00, DATE '2024-03-01', 'GB'),
    (5003, 'lea.roux@example.fr', 'delivered', 45.00, DATE '2024-03-02', 'FR'),
    (5004, 'max.koch@example.de', 'pending', 8.99, DATE '2024-03-02', 'DE'),
    (5005, 'sara.lind@example.com', 'cancelled', 60.00, DATE '2024-03-03', 'SE'),
    (5006, NULL, 'paid', 15.75, DATE '2024-03-03', 'NL'),
    (5007, 'ben.ode@example.com', 'paid', NULL, DATE '2024-03-04', 'NL'),
    (5008, NULL, 'cancelled', 0.00, NULL, 'BE'),
    (5009, 'ines.sol@example.es', 'shipped', 249.90, NULL, 'ES'),
    (5010, 'ola.dahl@example.no', 'delivered', 19.99, DATE '2024-03-05', NULL),
    (5011, 'kim.ek@example.com', 'paid', NULL, NULL, 'SE'),
    (5012, 'lena.wolf@example.de', 'delivered', 1250.00, DATE '2024-03-05', 'DE'),
    (5013, 'omar.farah@example.com', 'pending', 74.10, NULL, 'GB'),
    (5014, 'eva.nyberg@example.com', 'cancelled', 33.30, DATE '2024-03-06', 'SE'),
    (5015, 'jon.berg@example.com', 'shipped', 5.50, NULL, 'NO'),
    (5016, 'nina.holm@example.dk', 'paid', 99.95, DATE '2024-03-07', 'DK');
