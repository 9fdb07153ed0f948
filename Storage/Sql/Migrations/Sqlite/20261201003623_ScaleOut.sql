BEGIN TRANSACTION;
ALTER TABLE "feeds" ADD "ClaimedBy" TEXT NULL;

ALTER TABLE "feeds" ADD "ClaimedUntil" TEXT NULL;

ALTER TABLE "deliveries" ADD "ClaimedBy" TEXT NULL;

ALTER TABLE "deliveries" ADD "ClaimedUntil" TEXT NULL;

CREATE TABLE "leases" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_leases" PRIMARY KEY,
    "Holder" TEXT NOT NULL,
    "Until" TEXT NOT NULL,
    "AcquiredAt" TEXT NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201003623_ScaleOut', '10.0.15');

COMMIT;