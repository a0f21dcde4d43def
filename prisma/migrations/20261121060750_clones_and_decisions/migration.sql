-- CreateTable
CREATE TABLE "Clone" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CloneVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cloneId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "graph" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CloneVersion_cloneId_fkey" FOREIGN KEY ("cloneId") REFERENCES "Clone" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaperAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cloneId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "startMicro" BIGINT NOT NULL,
    "realizedMicro" BIGINT NOT NULL DEFAULT 0,
    "feesMicro" BIGINT NOT NULL DEFAULT 0,
    "fundingMicro" BIGINT NOT NULL DEFAULT 0,
    "peakEquityMicro" BIGINT NOT NULL,
    "dayStartEquityMicro" BIGINT NOT NULL,
    "dayStartMs" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    CONSTRAINT "PaperAccount_cloneId_fkey" FOREIGN KEY ("cloneId") REFERENCES "Clone" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaperOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "decisionRunId" TEXT,
    "clientKey" TEXT NOT NULL,
    "asset" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "sizeBase" REAL NOT NULL,
    "reduceOnly" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "createdAtMs" BIGINT NOT NULL,
    CONSTRAINT "PaperOrder_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "PaperAccount" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaperFill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "asset" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "price" REAL NOT NULL,
    "sizeBase" REAL NOT NULL,
    "notionalMicro" BIGINT NOT NULL,
    "feeMicro" BIGINT NOT NULL,
    "slippageBps" REAL NOT NULL,
    "timeMs" BIGINT NOT NULL,
    CONSTRAINT "PaperFill_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PaperOrder" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaperPosition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "asset" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "sizeBase" REAL NOT NULL,
    "entryPrice" REAL NOT NULL,
    "entryNotionalMicro" BIGINT NOT NULL,
    "leverage" REAL NOT NULL,
    "marginMicro" BIGINT NOT NULL,
    "stopLoss" REAL,
    "takeProfit" REAL,
    "trailingStopPct" REAL,
    "trailHigh" REAL NOT NULL,
    "trailLow" REAL NOT NULL,
    "lastPrice" REAL NOT NULL,
    "realizedPnlMicro" BIGINT NOT NULL,
    "feesMicro" BIGINT NOT NULL,
    "fundingMicro" BIGINT NOT NULL,
    "fundingThroughHour" BIGINT NOT NULL,
    "exitReason" TEXT,
    "exitPrice" REAL,
    "details" TEXT NOT NULL,
    "openedAtMs" BIGINT NOT NULL,
    "updatedAtMs" BIGINT NOT NULL,
    "closedAtMs" BIGINT,
    CONSTRAINT "PaperPosition_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "PaperAccount" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DecisionRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cloneId" TEXT NOT NULL,
    "cloneVersion" INTEGER NOT NULL,
    "accountId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "asset" TEXT NOT NULL,
    "decisionTimeMs" BIGINT NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "contextPacket" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "parsedAction" TEXT,
    "validation" TEXT NOT NULL,
    "latencyMs" INTEGER NOT NULL,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "cacheReadTokens" INTEGER NOT NULL DEFAULT 0,
    "cacheWriteTokens" INTEGER NOT NULL DEFAULT 0,
    "costMicroUsd" BIGINT NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DecisionRun_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "PaperAccount" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DryRunOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "decisionRunId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Clone_ownerId_idx" ON "Clone"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "CloneVersion_cloneId_version_key" ON "CloneVersion"("cloneId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "PaperAccount_cloneId_mode_scopeKey_key" ON "PaperAccount"("cloneId", "mode", "scopeKey");

-- CreateIndex
CREATE UNIQUE INDEX "PaperOrder_clientKey_key" ON "PaperOrder"("clientKey");

-- CreateIndex
CREATE INDEX "PaperOrder_accountId_createdAtMs_idx" ON "PaperOrder"("accountId", "createdAtMs");

-- CreateIndex
CREATE INDEX "PaperFill_accountId_timeMs_idx" ON "PaperFill"("accountId", "timeMs");

-- CreateIndex
CREATE INDEX "PaperPosition_accountId_state_idx" ON "PaperPosition"("accountId", "state");

-- CreateIndex
CREATE INDEX "DecisionRun_cloneId_decisionTimeMs_idx" ON "DecisionRun"("cloneId", "decisionTimeMs");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionRun_accountId_asset_decisionTimeMs_key" ON "DecisionRun"("accountId", "asset", "decisionTimeMs");

-- CreateIndex
CREATE INDEX "DryRunOrder_decisionRunId_idx" ON "DryRunOrder"("decisionRunId");
