-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN "ticketId" TEXT;

-- CreateTable
CREATE TABLE "ArenaSlot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slot" INTEGER NOT NULL,
    "cloneId" TEXT NOT NULL,
    "takenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ArenaSlot_cloneId_fkey" FOREIGN KEY ("cloneId") REFERENCES "Clone" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArenaSettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'arena',
    "accumulateMinutes" INTEGER NOT NULL,
    "liveMinutes" INTEGER NOT NULL,
    "timeScale" REAL NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT
);

-- CreateTable
CREATE TABLE "Race" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "timeScale" REAL NOT NULL,
    "accumulateMs" BIGINT NOT NULL,
    "liveMs" BIGINT NOT NULL,
    "openedAtMs" BIGINT NOT NULL,
    "launchAtMs" BIGINT NOT NULL,
    "launchedAtMs" BIGINT,
    "liveAtMs" BIGINT,
    "endsAtMs" BIGINT,
    "settledAtMs" BIGINT,
    "archivedAtMs" BIGINT,
    "cancelledAtMs" BIGINT,
    "cancelReason" TEXT,
    "poolCents" BIGINT NOT NULL DEFAULT 0,
    "ticketCount" INTEGER NOT NULL DEFAULT 0,
    "settlement" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RaceEntrant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "raceId" TEXT NOT NULL,
    "cloneId" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "creatorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tagline" TEXT NOT NULL,
    "avatar" TEXT NOT NULL,
    "cloneVersion" INTEGER NOT NULL,
    "stakeCents" BIGINT NOT NULL DEFAULT 0,
    "ticketCount" INTEGER NOT NULL DEFAULT 0,
    "accountId" TEXT,
    "finalEquityCents" BIGINT,
    "place" INTEGER,
    CONSTRAINT "RaceEntrant_raceId_fkey" FOREIGN KEY ("raceId") REFERENCES "Race" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RaceEntrant_cloneId_fkey" FOREIGN KEY ("cloneId") REFERENCES "Clone" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "raceId" TEXT NOT NULL,
    "cloneId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stakeCents" BIGINT NOT NULL,
    "clientKey" TEXT NOT NULL,
    "transactionId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Ticket_raceId_fkey" FOREIGN KEY ("raceId") REFERENCES "Race" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ArenaSlot_slot_key" ON "ArenaSlot"("slot");

-- CreateIndex
CREATE UNIQUE INDEX "ArenaSlot_cloneId_key" ON "ArenaSlot"("cloneId");

-- CreateIndex
CREATE UNIQUE INDEX "Race_number_key" ON "Race"("number");

-- CreateIndex
CREATE INDEX "Race_status_idx" ON "Race"("status");

-- CreateIndex
CREATE UNIQUE INDEX "RaceEntrant_accountId_key" ON "RaceEntrant"("accountId");

-- CreateIndex
CREATE INDEX "RaceEntrant_cloneId_idx" ON "RaceEntrant"("cloneId");

-- CreateIndex
CREATE UNIQUE INDEX "RaceEntrant_raceId_cloneId_key" ON "RaceEntrant"("raceId", "cloneId");

-- CreateIndex
CREATE UNIQUE INDEX "RaceEntrant_raceId_slot_key" ON "RaceEntrant"("raceId", "slot");

-- CreateIndex
CREATE INDEX "Ticket_raceId_cloneId_idx" ON "Ticket"("raceId", "cloneId");

-- CreateIndex
CREATE INDEX "Ticket_userId_createdAt_idx" ON "Ticket"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_userId_clientKey_key" ON "Ticket"("userId", "clientKey");

-- CreateIndex
CREATE INDEX "LedgerEntry_ticketId_idx" ON "LedgerEntry"("ticketId");

-- Exactly one race accumulates at a time: the database refuses a second one, whatever
-- the code does. (Triggers, not a partial unique index: Prisma's schema engine cannot
-- describe partial indexes on SQLite.)
CREATE TRIGGER "Race_one_accumulating_insert" BEFORE INSERT ON "Race"
WHEN NEW."status" = 'ACCUMULATING' AND EXISTS (SELECT 1 FROM "Race" WHERE "status" = 'ACCUMULATING')
BEGIN
  SELECT RAISE(ABORT, 'Race_one_accumulating: another race is already ACCUMULATING');
END;

CREATE TRIGGER "Race_one_accumulating_update" BEFORE UPDATE OF "status" ON "Race"
WHEN NEW."status" = 'ACCUMULATING' AND OLD."status" <> 'ACCUMULATING' AND EXISTS (SELECT 1 FROM "Race" WHERE "status" = 'ACCUMULATING')
BEGIN
  SELECT RAISE(ABORT, 'Race_one_accumulating: another race is already ACCUMULATING');
END;
