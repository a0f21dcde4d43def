-- CreateTable
CREATE TABLE "CandleRevision" (
    "assetId" TEXT NOT NULL PRIMARY KEY,
    "revision" BIGINT NOT NULL DEFAULT 0
);

-- The revision of an asset's candles moves on every write that can change a minute
-- already stored: an insert before the newest stored minute (a backfilled gap, a
-- candle that arrived late), an update that changes a value, a delete. An append
-- after the newest minute, the common ingestion write, does not move it: a reader's
-- copy of the minutes up to a stored minute stays exact across appends.
-- (server/services/market/closed-minutes.ts relies on exactly this.)
CREATE TRIGGER "Candle_revision_insert" AFTER INSERT ON "Candle"
WHEN EXISTS (SELECT 1 FROM "Candle" WHERE "assetId" = NEW."assetId" AND "openTimeMs" > NEW."openTimeMs")
BEGIN
    INSERT INTO "CandleRevision" ("assetId", "revision") VALUES (NEW."assetId", 1)
    ON CONFLICT ("assetId") DO UPDATE SET "revision" = "revision" + 1;
END;

-- An upsert that rewrites a minute with the very same values (re-ingesting an
-- overlapping window) changes nothing a reader sees, so it does not move the revision.
-- "source" is not compared: decisions never read it.
CREATE TRIGGER "Candle_revision_update" AFTER UPDATE ON "Candle"
WHEN OLD."assetId" IS NOT NEW."assetId" OR OLD."openTimeMs" IS NOT NEW."openTimeMs"
    OR OLD."open" IS NOT NEW."open" OR OLD."high" IS NOT NEW."high" OR OLD."low" IS NOT NEW."low"
    OR OLD."close" IS NOT NEW."close" OR OLD."volume" IS NOT NEW."volume" OR OLD."trades" IS NOT NEW."trades"
BEGIN
    INSERT INTO "CandleRevision" ("assetId", "revision") VALUES (OLD."assetId", 1)
    ON CONFLICT ("assetId") DO UPDATE SET "revision" = "revision" + 1;
    -- a row moved to another asset changes that asset's minutes too
    INSERT INTO "CandleRevision" ("assetId", "revision") SELECT NEW."assetId", 1 WHERE NEW."assetId" IS NOT OLD."assetId"
    ON CONFLICT ("assetId") DO UPDATE SET "revision" = "revision" + 1;
END;

CREATE TRIGGER "Candle_revision_delete" AFTER DELETE ON "Candle"
BEGIN
    INSERT INTO "CandleRevision" ("assetId", "revision") VALUES (OLD."assetId", 1)
    ON CONFLICT ("assetId") DO UPDATE SET "revision" = "revision" + 1;
END;
