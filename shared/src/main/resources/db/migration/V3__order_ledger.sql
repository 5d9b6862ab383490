-- Order lifecycle (issue 12): the order service's own tables, beside the Python suite's, each with its _MOCK twin.
-- ORDER_LEDGER: one row per intent (the durable record of the order's state machine; live state is in Redis).
-- ORDER_FILL:   one row per applied fill step (the increase of KIS's cumulative filled quantity), so TRADELOG and
--               ACTIVE_PORTFOLIO are written once per fill however often the fill is read or replayed.

CREATE TABLE IF NOT EXISTS ORDER_LEDGER (
    INTENT_KEY        VARCHAR(200)  NOT NULL,
    ACCOUNT_NO        VARCHAR(20)   NOT NULL,
    SOURCE            VARCHAR(40)   NOT NULL,
    STOCK_CODE        VARCHAR(20)   NOT NULL,
    STOCK_NAME        VARCHAR(120)  NULL,
    SIDE              VARCHAR(4)    NOT NULL,
    QUANTITY          BIGINT        NOT NULL,
    ORDER_TYPE        VARCHAR(8)    NOT NULL,
    LIMIT_PRICE       BIGINT        NOT NULL DEFAULT 0,
    REFERENCE_PRICE   BIGINT        NOT NULL DEFAULT 0,
    LIMIT_DEADLINE    DATETIME      NULL,
    ORDER_NO          VARCHAR(20)   NULL,
    STATE             VARCHAR(20)   NOT NULL,
    FILLED_QUANTITY   BIGINT        NOT NULL DEFAULT 0,
    FILLED_AMOUNT     BIGINT        NOT NULL DEFAULT 0,
    AVG_FILL_PRICE    DECIMAL(18,4) NOT NULL DEFAULT 0,
    FEE               BIGINT        NOT NULL DEFAULT 0,
    TAX               BIGINT        NOT NULL DEFAULT 0,
    SENDS             INT           NOT NULL DEFAULT 0,
    CANCEL_REQUESTED  TINYINT(1)    NOT NULL DEFAULT 0,
    REASON            TEXT          NULL,
    KEY_METRICS_JSON  TEXT          NULL,
    CREATED_AT        DATETIME(3)   NOT NULL,
    UPDATED_AT        DATETIME(3)   NOT NULL,
    PRIMARY KEY (INTENT_KEY),
    KEY IX_ORDER_LEDGER_CODE (STOCK_CODE),
    KEY IX_ORDER_LEDGER_ORDER_NO (ORDER_NO),
    KEY IX_ORDER_LEDGER_CREATED (CREATED_AT)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ORDER_LEDGER_MOCK LIKE ORDER_LEDGER;

CREATE TABLE IF NOT EXISTS ORDER_FILL (
    INTENT_KEY        VARCHAR(200)  NOT NULL,
    CUM_QUANTITY      BIGINT        NOT NULL,
    ORDER_NO          VARCHAR(20)   NOT NULL,
    STOCK_CODE        VARCHAR(20)   NOT NULL,
    SIDE              VARCHAR(4)    NOT NULL,
    QUANTITY          BIGINT        NOT NULL,
    AMOUNT            BIGINT        NOT NULL,
    FEE               BIGINT        NOT NULL,
    TAX               BIGINT        NOT NULL,
    TRADELOG_ID       BIGINT        NULL,
    APPLIED_AT        DATETIME(3)   NOT NULL,
    PRIMARY KEY (INTENT_KEY, CUM_QUANTITY)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ORDER_FILL_MOCK LIKE ORDER_FILL;
