CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "channels" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_channels" PRIMARY KEY AUTOINCREMENT,
    "Platform" TEXT NOT NULL,
    "ExternalId" TEXT NOT NULL,
    "ThreadId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "TimeZone" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "InactiveReason" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "feeds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_feeds" PRIMARY KEY AUTOINCREMENT,
    "Url" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Language" TEXT NULL,
    "Enabled" INTEGER NOT NULL,
    "AddedBy" TEXT NULL,
    "ETag" TEXT NULL,
    "LastModified" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "NextPollAt" TEXT NOT NULL,
    "LastPolledAt" TEXT NULL,
    "LastSuccessAt" TEXT NULL,
    "Primed" INTEGER NOT NULL,
    "ConsecutiveFailures" INTEGER NOT NULL,
    "LastError" TEXT NULL
);

CREATE TABLE "knowledge_entities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_knowledge_entities" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Aliases" TEXT NOT NULL,
    "ArabicNames" TEXT NOT NULL,
    "UnitOfId" TEXT NULL,
    "OwnedById" TEXT NULL,
    "MakerId" TEXT NULL,
    "Released" TEXT NULL,
    "Status" TEXT NULL,
    "Founded" TEXT NULL,
    "Founders" TEXT NOT NULL,
    "Notes" TEXT NULL,
    "Source" TEXT NULL,
    "Reported" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "platform_state" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_platform_state" PRIMARY KEY,
    "Value" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "stories" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_stories" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "Link" TEXT NULL,
    "Summary" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "PublishedAt" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Topics" TEXT NOT NULL,
    "Analysis" TEXT NULL,
    "TitleHash" INTEGER NOT NULL,
    "TitleKey" TEXT NOT NULL,
    "EventKeys" TEXT NOT NULL
);

CREATE TABLE "subscriptions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_subscriptions" PRIMARY KEY AUTOINCREMENT,
    "ChannelId" INTEGER NOT NULL,
    "Topic" TEXT NOT NULL,
    "Org" TEXT NULL,
    "Person" TEXT NULL,
    "Model" TEXT NULL,
    "Keyword" TEXT NULL,
    "SourceLanguage" TEXT NULL,
    "Mode" TEXT NOT NULL,
    "DigestTime" TEXT NULL,
    "QuietHours" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_subscriptions_channels_ChannelId" FOREIGN KEY ("ChannelId") REFERENCES "channels" ("Id") ON DELETE CASCADE
);

CREATE TABLE "affiliations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_affiliations" PRIMARY KEY AUTOINCREMENT,
    "PersonId" TEXT NOT NULL,
    "OrgName" TEXT NOT NULL,
    "OrgId" TEXT NULL,
    "Role" TEXT NULL,
    "From" TEXT NULL,
    "To" TEXT NULL,
    "Source" TEXT NULL,
    "Reported" INTEGER NOT NULL,
    "StoryId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_affiliations_knowledge_entities_PersonId" FOREIGN KEY ("PersonId") REFERENCES "knowledge_entities" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_affiliations_stories_StoryId" FOREIGN KEY ("StoryId") REFERENCES "stories" ("Id") ON DELETE SET NULL
);

CREATE TABLE "deliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_deliveries" PRIMARY KEY AUTOINCREMENT,
    "StoryId" INTEGER NOT NULL,
    "ChannelId" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "Digest" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SentAt" TEXT NULL,
    "MessageId" TEXT NULL,
    "Matched" TEXT NULL,
    "LastError" TEXT NULL,
    "EditDueAt" TEXT NULL,
    "LastEditedAt" TEXT NULL,
    CONSTRAINT "FK_deliveries_channels_ChannelId" FOREIGN KEY ("ChannelId") REFERENCES "channels" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_deliveries_stories_StoryId" FOREIGN KEY ("StoryId") REFERENCES "stories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "entries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_entries" PRIMARY KEY AUTOINCREMENT,
    "FeedId" INTEGER NOT NULL,
    "ItemKey" TEXT NOT NULL,
    "Link" TEXT NULL,
    "Title" TEXT NOT NULL,
    "TitleKey" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "PublishedAt" TEXT NOT NULL,
    "FirstSeenAt" TEXT NOT NULL,
    "StoryId" INTEGER NULL,
    CONSTRAINT "FK_entries_feeds_FeedId" FOREIGN KEY ("FeedId") REFERENCES "feeds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_entries_stories_StoryId" FOREIGN KEY ("StoryId") REFERENCES "stories" ("Id") ON DELETE SET NULL
);

CREATE INDEX "IX_affiliations_PersonId" ON "affiliations" ("PersonId");

CREATE UNIQUE INDEX "IX_affiliations_PersonId_OrgName_StoryId" ON "affiliations" ("PersonId", "OrgName", "StoryId");

CREATE INDEX "IX_affiliations_StoryId" ON "affiliations" ("StoryId");

CREATE UNIQUE INDEX "IX_channels_Platform_ExternalId_ThreadId" ON "channels" ("Platform", "ExternalId", "ThreadId");

CREATE INDEX "IX_deliveries_ChannelId" ON "deliveries" ("ChannelId");

CREATE INDEX "IX_deliveries_EditDueAt" ON "deliveries" ("EditDueAt");

CREATE INDEX "IX_deliveries_State_NextAttemptAt" ON "deliveries" ("State", "NextAttemptAt");

CREATE UNIQUE INDEX "IX_deliveries_StoryId_ChannelId" ON "deliveries" ("StoryId", "ChannelId");

CREATE UNIQUE INDEX "IX_entries_FeedId_ItemKey" ON "entries" ("FeedId", "ItemKey");

CREATE INDEX "IX_entries_FeedId_TitleKey_FirstSeenAt" ON "entries" ("FeedId", "TitleKey", "FirstSeenAt");

CREATE INDEX "IX_entries_Link" ON "entries" ("Link");

CREATE INDEX "IX_entries_StoryId" ON "entries" ("StoryId");

CREATE INDEX "IX_feeds_NextPollAt" ON "feeds" ("NextPollAt");

CREATE UNIQUE INDEX "IX_feeds_Url" ON "feeds" ("Url");

CREATE INDEX "IX_stories_CreatedAt" ON "stories" ("CreatedAt");

CREATE INDEX "IX_subscriptions_ChannelId" ON "subscriptions" ("ChannelId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128190337_Initial', '10.0.15');

COMMIT;