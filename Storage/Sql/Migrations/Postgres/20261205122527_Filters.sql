START TRANSACTION;
ALTER TABLE subscriptions ADD "Exclude" character varying(1000);

ALTER TABLE subscriptions ADD "ExcludePattern" character varying(200);

ALTER TABLE subscriptions ADD "Pattern" character varying(200);

ALTER TABLE subscriptions ADD "PingRole" character varying(32);

ALTER TABLE subscriptions ADD "Silent" boolean NOT NULL DEFAULT FALSE;

ALTER TABLE feeds ADD "BrokenNoticeAt" timestamp with time zone;

ALTER TABLE deliveries ADD "PingRole" character varying(32);

ALTER TABLE deliveries ADD "Silent" boolean NOT NULL DEFAULT FALSE;

ALTER TABLE channels ADD "Style" character varying(16) NOT NULL DEFAULT 'Full';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205122527_Filters', '10.0.15');

COMMIT;