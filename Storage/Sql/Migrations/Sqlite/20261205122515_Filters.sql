BEGIN TRANSACTION;
ALTER TABLE "subscriptions" ADD "Exclude" TEXT NULL;

ALTER TABLE "subscriptions" ADD "ExcludePattern" TEXT NULL;

ALTER TABLE "subscriptions" ADD "Pattern" TEXT NULL;

ALTER TABLE "subscriptions" ADD "PingRole" TEXT NULL;

ALTER TABLE "subscriptions" ADD "Silent" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "feeds" ADD "BrokenNoticeAt" TEXT NULL;

ALTER TABLE "deliveries" ADD "PingRole" TEXT NULL;

ALTER TABLE "deliveries" ADD "Silent" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "channels" ADD "Style" TEXT NOT NULL DEFAULT 'Full';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205122515_Filters', '10.0.15');

COMMIT;