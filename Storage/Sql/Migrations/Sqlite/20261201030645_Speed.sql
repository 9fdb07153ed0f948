BEGIN TRANSACTION;
ALTER TABLE "stories" ADD "Summaries" TEXT NULL;

ALTER TABLE "feeds" ADD "PollInterval" TEXT NULL;

CREATE TABLE "handled_updates" (
    "Platform" TEXT NOT NULL,
    "UpdateId" INTEGER NOT NULL,
    "HandledAt" TEXT NOT NULL,
    CONSTRAINT "PK_handled_updates" PRIMARY KEY ("Platform", "UpdateId")
);

CREATE TABLE "websub_subscriptions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_websub_subscriptions" PRIMARY KEY AUTOINCREMENT,
    "FeedId" INTEGER NOT NULL,
    "Hub" TEXT NOT NULL,
    "Topic" TEXT NOT NULL,
    "CallbackKey" TEXT NOT NULL,
    "Secret" TEXT NOT NULL,
    "Requested" TEXT NOT NULL,
    "ExpiresAt" TEXT NULL,
    "VerifiedAt" TEXT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "Failures" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "FK_websub_subscriptions_feeds_FeedId" FOREIGN KEY ("FeedId") REFERENCES "feeds" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_handled_updates_HandledAt" ON "handled_updates" ("HandledAt");

CREATE UNIQUE INDEX "IX_websub_subscriptions_CallbackKey" ON "websub_subscriptions" ("CallbackKey");

CREATE UNIQUE INDEX "IX_websub_subscriptions_FeedId" ON "websub_subscriptions" ("FeedId");

CREATE INDEX "IX_websub_subscriptions_NextAttemptAt" ON "websub_subscriptions" ("NextAttemptAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201030645_Speed', '10.0.15');

COMMIT;