-- CreateTable
CREATE TABLE "DecisionSlot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "cloneId" TEXT NOT NULL,
    "asset" TEXT NOT NULL,
    "slotMs" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "leaseOwner" TEXT,
    "leaseExpiresMs" BIGINT,
    "nextAttemptMs" BIGINT,
    "lastError" TEXT,
    "decisionRunId" TEXT,
    "createdAtMs" BIGINT NOT NULL,
    "updatedAtMs" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "RunnerState" (
    "accountId" TEXT NOT NULL,
    "asset" TEXT NOT NULL,
    "cloneId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastErrorMs" BIGINT,
    "lastSlotMs" BIGINT,
    "updatedAtMs" BIGINT NOT NULL,

    PRIMARY KEY ("accountId", "asset")
);

-- CreateIndex
CREATE INDEX "DecisionSlot_status_nextAttemptMs_idx" ON "DecisionSlot"("status", "nextAttemptMs");

-- CreateIndex
CREATE INDEX "DecisionSlot_status_leaseExpiresMs_idx" ON "DecisionSlot"("status", "leaseExpiresMs");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionSlot_accountId_asset_slotMs_key" ON "DecisionSlot"("accountId", "asset", "slotMs");

-- CreateIndex
CREATE INDEX "RunnerState_cloneId_idx" ON "RunnerState"("cloneId");

-- CreateIndex
CREATE INDEX "RunnerState_status_idx" ON "RunnerState"("status");
