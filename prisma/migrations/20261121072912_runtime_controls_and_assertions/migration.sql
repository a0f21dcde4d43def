-- CreateTable
CREATE TABLE "RuntimeControlChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "oldValue" TEXT,
    "newValue" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "changedById" TEXT,
    "changedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AssertionResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assertion" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "message" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "checkedAt" DATETIME NOT NULL,
    "durationMs" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "RuntimeControlChange_createdAt_idx" ON "RuntimeControlChange"("createdAt");

-- CreateIndex
CREATE INDEX "RuntimeControlChange_key_createdAt_idx" ON "RuntimeControlChange"("key", "createdAt");

-- CreateIndex
CREATE INDEX "AssertionResult_assertion_checkedAt_idx" ON "AssertionResult"("assertion", "checkedAt");

-- CreateIndex
CREATE INDEX "AssertionResult_checkedAt_idx" ON "AssertionResult"("checkedAt");
