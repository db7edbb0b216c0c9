-- AlterTable
ALTER TABLE "IamUser" ADD COLUMN     "passwordLastChanged" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "IamPasswordHistory" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "setDate" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IamPasswordHistory_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IamPasswordHistory_userId_setDate_idx" ON "IamPasswordHistory"("userId", "setDate");

-- AddForeignKey
ALTER TABLE "IamPasswordHistory" ADD CONSTRAINT "IamPasswordHistory_userId_fkey" FOREIGN KEY ("userId") REFERENCES "IamUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

