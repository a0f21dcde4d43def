-- CreateTable
CREATE TABLE "MarketAsset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "venue" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "meta" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Candle" (
    "assetId" TEXT NOT NULL,
    "openTimeMs" BIGINT NOT NULL,
    "open" REAL NOT NULL,
    "high" REAL NOT NULL,
    "low" REAL NOT NULL,
    "close" REAL NOT NULL,
    "volume" REAL NOT NULL,
    "trades" INTEGER NOT NULL,
    "source" TEXT NOT NULL,

    PRIMARY KEY ("assetId", "openTimeMs")
);

-- CreateTable
CREATE TABLE "MidPrice" (
    "assetId" TEXT NOT NULL,
    "timeMs" BIGINT NOT NULL,
    "price" REAL NOT NULL,
    "source" TEXT NOT NULL,

    PRIMARY KEY ("assetId", "timeMs")
);

-- CreateTable
CREATE TABLE "AssetContext" (
    "assetId" TEXT NOT NULL,
    "timeMs" BIGINT NOT NULL,
    "funding" REAL NOT NULL,
    "openInterest" REAL NOT NULL,
    "markPx" REAL NOT NULL,
    "oraclePx" REAL NOT NULL,
    "midPx" REAL,
    "premium" REAL,
    "prevDayPx" REAL NOT NULL,
    "dayNtlVlm" REAL NOT NULL,
    "dayBaseVlm" REAL,
    "impactBidPx" REAL,
    "impactAskPx" REAL,
    "source" TEXT NOT NULL,

    PRIMARY KEY ("assetId", "timeMs")
);

-- CreateTable
CREATE TABLE "FundingRate" (
    "assetId" TEXT NOT NULL,
    "timeMs" BIGINT NOT NULL,
    "rate" REAL NOT NULL,
    "premium" REAL NOT NULL,
    "source" TEXT NOT NULL,

    PRIMARY KEY ("assetId", "timeMs")
);

-- CreateTable
CREATE TABLE "BookSnapshot" (
    "assetId" TEXT NOT NULL,
    "timeMs" BIGINT NOT NULL,
    "bestBid" REAL NOT NULL,
    "bestAsk" REAL NOT NULL,
    "mid" REAL NOT NULL,
    "spreadBps" REAL NOT NULL,
    "bidDepthUsd" REAL NOT NULL,
    "askDepthUsd" REAL NOT NULL,
    "levels" TEXT NOT NULL,
    "source" TEXT NOT NULL,

    PRIMARY KEY ("assetId", "timeMs")
);

-- CreateTable
CREATE TABLE "PredictionMarket" (
    "assetId" TEXT NOT NULL PRIMARY KEY,
    "gammaId" TEXT NOT NULL,
    "conditionId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "outcomes" TEXT NOT NULL,
    "tokenIds" TEXT NOT NULL,
    "endTimeMs" BIGINT,
    "active" BOOLEAN NOT NULL,
    "closed" BOOLEAN NOT NULL,
    "volume" REAL,
    "liquidity" REAL,
    "source" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PredictionPrice" (
    "assetId" TEXT NOT NULL,
    "outcome" INTEGER NOT NULL,
    "timeMs" BIGINT NOT NULL,
    "price" REAL NOT NULL,
    "source" TEXT NOT NULL,

    PRIMARY KEY ("assetId", "outcome", "timeMs")
);

-- CreateTable
CREATE TABLE "MacroPoint" (
    "assetId" TEXT NOT NULL,
    "timeMs" BIGINT NOT NULL,
    "value" REAL NOT NULL,
    "source" TEXT NOT NULL,

    PRIMARY KEY ("assetId", "timeMs")
);

-- CreateTable
CREATE TABLE "IngestionChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "dataset" TEXT NOT NULL,
    "assetKey" TEXT NOT NULL,
    "staleAfterMs" INTEGER NOT NULL,
    "lastAttemptAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "lastErrorAt" DATETIME,
    "lastError" TEXT,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "rowsWritten" BIGINT NOT NULL DEFAULT 0,
    "lastDataTimeMs" BIGINT,
    "cursorMs" BIGINT,
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FeedGap" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "fromMs" BIGINT NOT NULL,
    "toMs" BIGINT NOT NULL,
    "detectedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "filledAt" DATETIME,
    CONSTRAINT "FeedGap_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "IngestionChannel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IngestionAlert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "openKey" TEXT,
    "notifiedAt" DATETIME,
    "notifyError" TEXT,
    CONSTRAINT "IngestionAlert_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "IngestionChannel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IngestionError" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "message" TEXT NOT NULL,
    CONSTRAINT "IngestionError_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "IngestionChannel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RuntimeControl" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "MarketAsset_venue_symbol_key" ON "MarketAsset"("venue", "symbol");

-- CreateIndex
CREATE INDEX "PredictionMarket_endTimeMs_idx" ON "PredictionMarket"("endTimeMs");

-- CreateIndex
CREATE INDEX "IngestionChannel_source_idx" ON "IngestionChannel"("source");

-- CreateIndex
CREATE INDEX "FeedGap_channelId_filledAt_idx" ON "FeedGap"("channelId", "filledAt");

-- CreateIndex
CREATE UNIQUE INDEX "FeedGap_channelId_fromMs_key" ON "FeedGap"("channelId", "fromMs");

-- CreateIndex
CREATE UNIQUE INDEX "IngestionAlert_openKey_key" ON "IngestionAlert"("openKey");

-- CreateIndex
CREATE INDEX "IngestionAlert_openedAt_idx" ON "IngestionAlert"("openedAt");

-- CreateIndex
CREATE INDEX "IngestionError_channelId_at_idx" ON "IngestionError"("channelId", "at");
