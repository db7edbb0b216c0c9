-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "alias" TEXT,
    "rootEmail" TEXT,
    "rootPasswordHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Secret" (
    "id" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kmsKeyId" TEXT,
    "createdDate" TIMESTAMP(3) NOT NULL,
    "lastChangedDate" TIMESTAMP(3) NOT NULL,
    "lastAccessedDate" TIMESTAMP(3),
    "deletedDate" TIMESTAMP(3),
    "deletionDate" TIMESTAMP(3),
    "rotationEnabled" BOOLEAN NOT NULL DEFAULT false,
    "rotationLambdaArn" TEXT,
    "rotationRules" TEXT,
    "lastRotatedDate" TIMESTAMP(3),
    "nextRotationDate" TIMESTAMP(3),
    "resourcePolicy" TEXT,
    "primaryRegion" TEXT,
    "owningService" TEXT,

    CONSTRAINT "Secret_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecretVersion" (
    "id" TEXT NOT NULL,
    "secretId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "createdDate" TIMESTAMP(3) NOT NULL,
    "lastAccessedDate" TIMESTAMP(3),
    "valueType" TEXT,
    "ciphertext" BYTEA,
    "wrappedKey" BYTEA,

    CONSTRAINT "SecretVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecretVersionStage" (
    "secretId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "versionPk" TEXT NOT NULL,

    CONSTRAINT "SecretVersionStage_pkey" PRIMARY KEY ("secretId","stage")
);

-- CreateTable
CREATE TABLE "SecretTag" (
    "secretId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "SecretTag_pkey" PRIMARY KEY ("secretId","key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "time" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "principalArn" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "resource" TEXT,
    "decision" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "sourceIp" TEXT,
    "userAgent" TEXT,
    "requestParameters" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecretWord" (
    "secretId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "word" TEXT NOT NULL,

    CONSTRAINT "SecretWord_pkey" PRIMARY KEY ("secretId","field","word")
);

-- CreateIndex
CREATE UNIQUE INDEX "Secret_arn_key" ON "Secret"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "Secret_name_key" ON "Secret"("name");

-- CreateIndex
CREATE INDEX "Secret_createdDate_id_idx" ON "Secret"("createdDate", "id");

-- CreateIndex
CREATE INDEX "Secret_lastChangedDate_id_idx" ON "Secret"("lastChangedDate", "id");

-- CreateIndex
CREATE INDEX "Secret_lastAccessedDate_id_idx" ON "Secret"("lastAccessedDate", "id");

-- CreateIndex
CREATE INDEX "Secret_name_id_idx" ON "Secret"("name", "id");

-- CreateIndex
CREATE INDEX "Secret_deletionDate_idx" ON "Secret"("deletionDate");

-- CreateIndex
CREATE INDEX "Secret_nextRotationDate_idx" ON "Secret"("nextRotationDate");

-- CreateIndex
CREATE INDEX "SecretVersion_secretId_createdDate_idx" ON "SecretVersion"("secretId", "createdDate");

-- CreateIndex
CREATE UNIQUE INDEX "SecretVersion_secretId_versionId_key" ON "SecretVersion"("secretId", "versionId");

-- CreateIndex
CREATE INDEX "SecretVersionStage_versionPk_idx" ON "SecretVersionStage"("versionPk");

-- CreateIndex
CREATE INDEX "SecretTag_key_idx" ON "SecretTag"("key");

-- CreateIndex
CREATE INDEX "SecretTag_value_idx" ON "SecretTag"("value");

-- CreateIndex
CREATE INDEX "AuditEvent_time_idx" ON "AuditEvent"("time");

-- CreateIndex
CREATE INDEX "AuditEvent_principalArn_time_idx" ON "AuditEvent"("principalArn", "time");

-- CreateIndex
CREATE INDEX "AuditEvent_action_time_idx" ON "AuditEvent"("action", "time");

-- CreateIndex
CREATE INDEX "SecretWord_word_field_idx" ON "SecretWord"("word", "field");

-- AddForeignKey
ALTER TABLE "SecretVersion" ADD CONSTRAINT "SecretVersion_secretId_fkey" FOREIGN KEY ("secretId") REFERENCES "Secret"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecretVersionStage" ADD CONSTRAINT "SecretVersionStage_secretId_fkey" FOREIGN KEY ("secretId") REFERENCES "Secret"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecretVersionStage" ADD CONSTRAINT "SecretVersionStage_versionPk_fkey" FOREIGN KEY ("versionPk") REFERENCES "SecretVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecretTag" ADD CONSTRAINT "SecretTag_secretId_fkey" FOREIGN KEY ("secretId") REFERENCES "Secret"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecretWord" ADD CONSTRAINT "SecretWord_secretId_fkey" FOREIGN KEY ("secretId") REFERENCES "Secret"("id") ON DELETE CASCADE ON UPDATE CASCADE;

