-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StsSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "principalType" TEXT NOT NULL DEFAULT 'AssumedRole',
    "roleId" TEXT,
    "userId" TEXT,
    "sessionName" TEXT,
    "secretSealed" BLOB NOT NULL,
    "secretWrapped" BLOB NOT NULL,
    "sessionTokenHash" TEXT NOT NULL,
    "expiration" DATETIME NOT NULL,
    "sessionPolicy" TEXT,
    "sessionPolicyArns" TEXT
);
INSERT INTO "new_StsSession" ("expiration", "id", "roleId", "secretSealed", "secretWrapped", "sessionName", "sessionPolicy", "sessionPolicyArns", "sessionTokenHash") SELECT "expiration", "id", "roleId", "secretSealed", "secretWrapped", "sessionName", "sessionPolicy", "sessionPolicyArns", "sessionTokenHash" FROM "StsSession";
DROP TABLE "StsSession";
ALTER TABLE "new_StsSession" RENAME TO "StsSession";
CREATE UNIQUE INDEX "StsSession_sessionTokenHash_key" ON "StsSession"("sessionTokenHash");
CREATE INDEX "StsSession_expiration_idx" ON "StsSession"("expiration");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

