-- What every server of one ChatCrm shares besides the data: the data-protection key ring (moved from the data
-- folder's keys/ at the next start) and the first admin's setup link (a hash; it was kept in memory).
CREATE TABLE "data_protection_keys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "setup_tokens" (
    "TokenHash" BLOB NOT NULL CONSTRAINT "PK_setup_tokens" PRIMARY KEY,
    "CreatedAt" INTEGER NOT NULL
);
