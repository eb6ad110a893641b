-- Visible dataset: table-level lineage collected from the warehouse's query log, the table
-- catalog, and the incident at hand.
CREATE SCHEMA meta;
CREATE SCHEMA ops;

-- One row per observed data flow: a job read `upstream` and wrote `downstream`. The collector
-- sees the same flow from several jobs, so an edge can appear more than once.
CREATE TABLE meta.lineage_edges (
    upstream    VARCHAR NOT NULL,
    downstream  VARCHAR NOT NULL
);

INSERT INTO meta.lineage_edges VALUES
    ('raw.orders',                'stg.orders'),
    ('raw.orders',                'stg.orders'),                 -- seen from two jobs
    ('raw.customers',             'stg.customers'),
    ('raw.products',              'stg.products'),
    ('stg.orders',                'int.order_items_enriched'),
    ('stg.products',              'int.order_items_enriched'),
    ('stg.orders',                'mart.daily_revenue'),
    ('int.order_items_enriched',  'mart.daily_revenue'),
    ('int.order_items_enriched',  'int.order_items_enriched'),   -- an incremental model reads itself
    ('stg.customers',             'mart.customer_ltv'),
    ('int.order_items_enriched',  'mart.customer_ltv'),
    ('mart.daily_revenue',        'snap.revenue_snapshot'),
    ('snap.revenue_snapshot',     'mart.daily_revenue'),         -- restatement job: a cycle
    ('mart.daily_revenue',        'dash.exec_kpis'),
    ('mart.customer_ltv',         'dash.exec_kpis'),
    ('dash.exec_kpis',            'export.board_pack'),
    ('export.board_pack',         'export.board_pack_archive'),
    ('stg.orders',                'raw.orders'),                 -- a dedupe job rewrites the raw table
    ('stg.customers',             'ml.churn_features'),
    ('ml.churn_features',         'ml.churn_scores');

CREATE TABLE meta.tables (
    table_name  VARCHAR PRIMARY KEY,
    owner_team  VARCHAR NOT NULL
);

INSERT INTO meta.tables VALUES
    ('raw.orders',               'ingestion'),
    ('raw.customers',            'ingestion'),
    ('raw.products',             'ingestion'),
    ('stg.orders',               'analytics-eng'),
    ('stg.customers',            'analytics-eng'),
    ('stg.products',             'analytics-eng'),
    ('int.order_items_enriched', 'analytics-eng'),
    ('mart.daily_revenue',       'finance-analytics'),
    ('mart.customer_ltv',        'growth'),
    ('snap.revenue_snapshot',    'finance-analytics'),
    ('dash.exec_kpis',           'bi'),
    ('export.board_pack',        'bi'),
    ('ml.churn_features',        'ml-platform'),
    ('ml.churn_scores',          'ml-platform');
    -- export.board_pack_archive was created by hand and never registered

-- The table whose data is broken.
CREATE TABLE ops.incident (broken_table VARCHAR NOT NULL);
INSERT INTO ops.incident VALUES ('raw.orders');
