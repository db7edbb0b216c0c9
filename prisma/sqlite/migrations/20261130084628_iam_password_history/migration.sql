-- AlterTable
ALTER TABLE "IamUser" ADD COLUMN "passwordLastChanged" DATETIME;

-- CreateTable
CREATE TABLE "IamPasswordHistory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "setDate" DATETIME NOT NULL,
    CONSTRAINT "IamPasswordHistory_userId_fkey" FOREIGN KEY ("userId") REFERENCES "IamUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "IamPasswordHistory_userId_setDate_idx" ON "IamPasswordHistory"("userId", "setDate");

