-- V4 (issue 16): the audit trail of operator commands, the Telegram bot's and the dashboard's own actions alike.
-- Every command, accepted or refused (unauthorised chat, rate limit, argument error, confirmation missing), is one
-- row. Never mode-suffixed: one operator audit across MOCK and REAL, with the mode in a column. Naive UTC.
CREATE TABLE IF NOT EXISTS COMMAND_AUDIT (
    ID           BIGINT        NOT NULL AUTO_INCREMENT,
    SOURCE       VARCHAR(20)   NOT NULL,
    CHAT_ID      VARCHAR(64)   NULL,
    USER_NAME    VARCHAR(100)  NULL,
    COMMAND      VARCHAR(64)   NOT NULL,
    ARGUMENTS    VARCHAR(1000) NULL,
    OUTCOME      VARCHAR(20)   NOT NULL,
    DETAIL       VARCHAR(1000) NULL,
    TRADING_MODE VARCHAR(10)   NULL,
    CREATED_AT   DATETIME(3)   NOT NULL,
    PRIMARY KEY (ID),
    KEY IX_COMMAND_AUDIT_CREATED (CREATED_AT),
    KEY IX_COMMAND_AUDIT_SOURCE (SOURCE, CREATED_AT)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
