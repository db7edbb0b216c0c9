-- CreateTable
CREATE TABLE "LambdaFunction" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "roleArn" TEXT NOT NULL,
    "description" TEXT,
    "timeout" INTEGER NOT NULL DEFAULT 30,
    "environment" TEXT,
    "endpoint" TEXT,
    "signingSealed" BYTEA,
    "signingWrapped" BYTEA,
    "revisionId" TEXT NOT NULL,
    "createdDate" TIMESTAMP(3) NOT NULL,
    "lastModified" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LambdaFunction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RotationLease" (
    "secretId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3),
    "holder" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "failures" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RotationLease_pkey" PRIMARY KEY ("secretId")
);

-- CreateTable
CREATE TABLE "RotationAttempt" (
    "id" TEXT NOT NULL,
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
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "RotationAttempt_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "RotationLease" ADD CONSTRAINT "RotationLease_secretId_fkey" FOREIGN KEY ("secretId") REFERENCES "Secret"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RotationAttempt" ADD CONSTRAINT "RotationAttempt_secretId_fkey" FOREIGN KEY ("secretId") REFERENCES "Secret"("id") ON DELETE CASCADE ON UPDATE CASCADE;

