-- CreateTable
CREATE TABLE "IamUser" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "arn" TEXT NOT NULL,
    "createDate" TIMESTAMP(3) NOT NULL,
    "permissionsBoundaryArn" TEXT,
    "passwordHash" TEXT,
    "passwordResetRequired" BOOLEAN NOT NULL DEFAULT false,
    "loginProfileCreateDate" TIMESTAMP(3),
    "passwordLastUsed" TIMESTAMP(3),

    CONSTRAINT "IamUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IamGroup" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "arn" TEXT NOT NULL,
    "createDate" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IamGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IamGroupMember" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "IamGroupMember_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "IamRole" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "arn" TEXT NOT NULL,
    "createDate" TIMESTAMP(3) NOT NULL,
    "assumeRolePolicyDocument" TEXT NOT NULL,
    "description" TEXT,
    "maxSessionDuration" INTEGER NOT NULL DEFAULT 3600,
    "permissionsBoundaryArn" TEXT,
    "lastUsedDate" TIMESTAMP(3),
    "lastUsedRegion" TEXT,

    CONSTRAINT "IamRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IamPolicy" (
    "id" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "isAws" BOOLEAN NOT NULL DEFAULT false,
    "description" TEXT,
    "defaultVersionId" TEXT NOT NULL,
    "createDate" TIMESTAMP(3) NOT NULL,
    "updateDate" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IamPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IamPolicyVersion" (
    "policyId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createDate" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IamPolicyVersion_pkey" PRIMARY KEY ("policyId","versionId")
);

-- CreateTable
CREATE TABLE "IamPolicyAttachment" (
    "policyId" TEXT NOT NULL,
    "principalType" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,

    CONSTRAINT "IamPolicyAttachment_pkey" PRIMARY KEY ("policyId","principalType","principalId")
);

-- CreateTable
CREATE TABLE "IamInlinePolicy" (
    "principalType" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "document" TEXT NOT NULL,

    CONSTRAINT "IamInlinePolicy_pkey" PRIMARY KEY ("principalType","principalId","name")
);

-- CreateTable
CREATE TABLE "IamAccessKey" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "secretSealed" BYTEA NOT NULL,
    "secretWrapped" BYTEA NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'Active',
    "createDate" TIMESTAMP(3) NOT NULL,
    "lastUsedDate" TIMESTAMP(3),
    "lastUsedService" TEXT,
    "lastUsedRegion" TEXT,

    CONSTRAINT "IamAccessKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StsSession" (
    "id" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "sessionName" TEXT NOT NULL,
    "secretSealed" BYTEA NOT NULL,
    "secretWrapped" BYTEA NOT NULL,
    "sessionTokenHash" TEXT NOT NULL,
    "expiration" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StsSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IamTag" (
    "resourceArn" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "IamTag_pkey" PRIMARY KEY ("resourceArn","key")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "IamUser_name_key" ON "IamUser"("name");

-- CreateIndex
CREATE UNIQUE INDEX "IamUser_arn_key" ON "IamUser"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "IamGroup_name_key" ON "IamGroup"("name");

-- CreateIndex
CREATE UNIQUE INDEX "IamGroup_arn_key" ON "IamGroup"("arn");

-- CreateIndex
CREATE INDEX "IamGroupMember_userId_idx" ON "IamGroupMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "IamRole_name_key" ON "IamRole"("name");

-- CreateIndex
CREATE UNIQUE INDEX "IamRole_arn_key" ON "IamRole"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "IamPolicy_arn_key" ON "IamPolicy"("arn");

-- CreateIndex
CREATE INDEX "IamPolicy_isAws_name_idx" ON "IamPolicy"("isAws", "name");

-- CreateIndex
CREATE INDEX "IamPolicy_name_idx" ON "IamPolicy"("name");

-- CreateIndex
CREATE INDEX "IamPolicyAttachment_principalType_principalId_idx" ON "IamPolicyAttachment"("principalType", "principalId");

-- CreateIndex
CREATE INDEX "IamAccessKey_userId_idx" ON "IamAccessKey"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "StsSession_sessionTokenHash_key" ON "StsSession"("sessionTokenHash");

-- CreateIndex
CREATE INDEX "StsSession_expiration_idx" ON "StsSession"("expiration");

-- AddForeignKey
ALTER TABLE "IamGroupMember" ADD CONSTRAINT "IamGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "IamGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IamGroupMember" ADD CONSTRAINT "IamGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "IamUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IamPolicyVersion" ADD CONSTRAINT "IamPolicyVersion_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "IamPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IamPolicyAttachment" ADD CONSTRAINT "IamPolicyAttachment_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "IamPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IamAccessKey" ADD CONSTRAINT "IamAccessKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "IamUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

