BEGIN TRANSACTION;
ALTER TABLE "subscriptions" ADD "ConfirmedOnly" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "stories" ADD "FollowsStoryId" INTEGER NULL;

ALTER TABLE "stories" ADD "Tier" TEXT NOT NULL DEFAULT 'Confirmed';

ALTER TABLE "stories" ADD "TierBy" TEXT NULL;

ALTER TABLE "stories" ADD "TierChangedAt" TEXT NULL;

ALTER TABLE "feeds" ADD "Official" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205125831_Tiers', '10.0.15');

COMMIT;