-- Hidden dataset: another incident (the staging orders are broken), a longer export chain, a
-- three-table cycle through the CRM, and more duplicated edges.
UPDATE ops.incident SET broken_table = 'stg.orders';

INSERT INTO meta.lineage_edges VALUES
    ('export.board_pack_archive', 'export.board_pack_cold'),
    ('export.board_pack_cold',    'audit.board_history'),
    ('mart.customer_ltv',         'crm.audiences'),
    ('crm.audiences',             'crm.audience_sync'),
    ('crm.audience_sync',         'mart.customer_ltv'),
    ('crm.audiences',             'crm.audiences'),
    ('stg.orders',                'mart.daily_revenue'),
    ('dash.exec_kpis',            'export.board_pack');

INSERT INTO meta.tables VALUES
    ('export.board_pack_cold', 'bi'),
    ('crm.audiences',          'growth'),
    ('crm.audience_sync',      'growth');
    -- audit.board_history is not registered either
