-- CreateTable
CREATE TABLE "LambdaFunction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "roleArn" TEXT NOT NULL,
    "description" TEXT,
    "timeout" INTEGER NOT NULL DEFAULT 30,
    "environment" TEXT,
    "endpoint" TEXT,
    "signingSealed" BLOB,
    "signingWrapped" BLOB,
    "revisionId" TEXT NOT NULL,
    "createdDate" DATETIME NOT NULL,
    "lastModified" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RotationLease" (
    "secretId" TEXT NOT NULL PRIMARY KEY,
    "dueAt" DATETIME NOT NULL,
    "windowEnd" DATETIME,
    "holder" TEXT,
    "leaseExpiresAt" DATETIME,
    "failures" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "RotationLease_secretId_fkey" FOREIGN KEY ("secretId") REFERENCES "Secret" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RotationAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "secretId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "previousVersionId" TEXT,
    "functionArn" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "holder" TEXT,
    "status" TEXT NOT NULL,
    "steps" TEXT NOT NULL DEFAULT '[]',
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    CONSTRAINT "RotationAttempt_secretId_fkey" FOREIGN KEY ("secretId") REFERENCES "Secret" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "LambdaFunction_name_key" ON "LambdaFunction"("name");

-- CreateIndex
CREATE UNIQUE INDEX "LambdaFunction_arn_key" ON "LambdaFunction"("arn");

-- CreateIndex
CREATE INDEX "RotationLease_dueAt_idx" ON "RotationLease"("dueAt");

-- CreateIndex
CREATE INDEX "RotationAttempt_secretId_startedAt_idx" ON "RotationAttempt"("secretId", "startedAt");

-- CreateIndex
CREATE INDEX "RotationAttempt_status_idx" ON "RotationAttempt"("status");

