START TRANSACTION;
ALTER TABLE subscriptions ADD "ConfirmedOnly" boolean NOT NULL DEFAULT FALSE;

ALTER TABLE stories ADD "FollowsStoryId" bigint;

ALTER TABLE stories ADD "Tier" character varying(16) NOT NULL DEFAULT 'Confirmed';

ALTER TABLE stories ADD "TierBy" character varying(200);

ALTER TABLE stories ADD "TierChangedAt" timestamp with time zone;

ALTER TABLE feeds ADD "Official" character varying(200);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205125853_Tiers', '10.0.15');

COMMIT;