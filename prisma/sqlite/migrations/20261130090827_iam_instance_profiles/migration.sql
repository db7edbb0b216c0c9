-- CreateTable
CREATE TABLE "IamInstanceProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "arn" TEXT NOT NULL,
    "createDate" DATETIME NOT NULL,
    "roleId" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "IamInstanceProfile_name_key" ON "IamInstanceProfile"("name");

-- CreateIndex
CREATE UNIQUE INDEX "IamInstanceProfile_arn_key" ON "IamInstanceProfile"("arn");

-- CreateIndex
CREATE INDEX "IamInstanceProfile_roleId_idx" ON "IamInstanceProfile"("roleId");

