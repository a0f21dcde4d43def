-- CreateTable
CREATE TABLE "CandleDay" (
    "assetId" TEXT NOT NULL,
    "dayMs" BIGINT NOT NULL,
    "revision" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,
    "data" BLOB NOT NULL,

    PRIMARY KEY ("assetId", "dayMs")
);
