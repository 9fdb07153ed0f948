BEGIN TRANSACTION;
ALTER TABLE "subscriptions" ADD "Papers" INTEGER NULL;

ALTER TABLE "stories" ADD "PaperAt" TEXT NULL;

ALTER TABLE "stories" ADD "PaperId" TEXT NULL;

ALTER TABLE "knowledge_entities" ADD "Ror" TEXT NULL;

CREATE TABLE "paper_appearances" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_paper_appearances" PRIMARY KEY AUTOINCREMENT,
    "PersonId" TEXT NOT NULL,
    "ArxivId" TEXT NOT NULL,
    "OrgIds" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Orcid" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "papers" (
    "ArxivId" TEXT NOT NULL CONSTRAINT "PK_papers" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "Authors" TEXT NOT NULL,
    "AnnouncedAt" TEXT NOT NULL,
    "ListedAt" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "NextLookupAt" TEXT NOT NULL,
    "Lookups" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "DoneAt" TEXT NULL
);

CREATE INDEX "IX_paper_appearances_Orcid" ON "paper_appearances" ("Orcid");

CREATE UNIQUE INDEX "IX_paper_appearances_PersonId_ArxivId" ON "paper_appearances" ("PersonId", "ArxivId");

CREATE INDEX "IX_papers_State_NextLookupAt" ON "papers" ("State", "NextLookupAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205171647_Papers', '10.0.15');

COMMIT;