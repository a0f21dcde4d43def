-- CreateTable
CREATE TABLE "BacktestRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT,
    "cloneId" TEXT,
    "cloneVersion" INTEGER,
    "templateId" TEXT,
    "asset" TEXT NOT NULL,
    "fromMs" BIGINT NOT NULL,
    "toMs" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "progress" REAL NOT NULL DEFAULT 0,
    "params" TEXT NOT NULL,
    "result" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "BacktestRun_cloneId_createdAt_idx" ON "BacktestRun"("cloneId", "createdAt");

-- CreateIndex
CREATE INDEX "BacktestRun_ownerId_createdAt_idx" ON "BacktestRun"("ownerId", "createdAt");
