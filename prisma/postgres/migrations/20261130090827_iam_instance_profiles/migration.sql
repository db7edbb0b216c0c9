-- CreateTable
CREATE TABLE "IamInstanceProfile" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "arn" TEXT NOT NULL,
    "createDate" TIMESTAMP(3) NOT NULL,
    "roleId" TEXT,

    CONSTRAINT "IamInstanceProfile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IamInstanceProfile_name_key" ON "IamInstanceProfile"("name");

-- CreateIndex
CREATE UNIQUE INDEX "IamInstanceProfile_arn_key" ON "IamInstanceProfile"("arn");

-- CreateIndex
CREATE INDEX "IamInstanceProfile_roleId_idx" ON "IamInstanceProfile"("roleId");

