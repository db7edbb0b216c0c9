-- CreateTable
CREATE TABLE "IamUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "arn" TEXT NOT NULL,
    "createDate" DATETIME NOT NULL,
    "permissionsBoundaryArn" TEXT,
    "passwordHash" TEXT,
    "passwordResetRequired" BOOLEAN NOT NULL DEFAULT false,
    "loginProfileCreateDate" DATETIME,
    "passwordLastUsed" DATETIME
);

-- CreateTable
CREATE TABLE "IamGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "arn" TEXT NOT NULL,
    "createDate" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "IamGroupMember" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("groupId", "userId"),
    CONSTRAINT "IamGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "IamGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IamGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "IamUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IamRole" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "arn" TEXT NOT NULL,
    "createDate" DATETIME NOT NULL,
    "assumeRolePolicyDocument" TEXT NOT NULL,
    "description" TEXT,
    "maxSessionDuration" INTEGER NOT NULL DEFAULT 3600,
    "permissionsBoundaryArn" TEXT,
    "lastUsedDate" DATETIME,
    "lastUsedRegion" TEXT
);

-- CreateTable
CREATE TABLE "IamPolicy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "arn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "isAws" BOOLEAN NOT NULL DEFAULT false,
    "description" TEXT,
    "defaultVersionId" TEXT NOT NULL,
    "createDate" DATETIME NOT NULL,
    "updateDate" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "IamPolicyVersion" (
    "policyId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createDate" DATETIME NOT NULL,

    PRIMARY KEY ("policyId", "versionId"),
    CONSTRAINT "IamPolicyVersion_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "IamPolicy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IamPolicyAttachment" (
    "policyId" TEXT NOT NULL,
    "principalType" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,

    PRIMARY KEY ("policyId", "principalType", "principalId"),
    CONSTRAINT "IamPolicyAttachment_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "IamPolicy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IamInlinePolicy" (
    "principalType" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "document" TEXT NOT NULL,

    PRIMARY KEY ("principalType", "principalId", "name")
);

-- CreateTable
CREATE TABLE "IamAccessKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "secretSealed" BLOB NOT NULL,
    "secretWrapped" BLOB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'Active',
    "createDate" DATETIME NOT NULL,
    "lastUsedDate" DATETIME,
    "lastUsedService" TEXT,
    "lastUsedRegion" TEXT,
    CONSTRAINT "IamAccessKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "IamUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StsSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roleId" TEXT NOT NULL,
    "sessionName" TEXT NOT NULL,
    "secretSealed" BLOB NOT NULL,
    "secretWrapped" BLOB NOT NULL,
    "sessionTokenHash" TEXT NOT NULL,
    "expiration" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "IamTag" (
    "resourceArn" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    PRIMARY KEY ("resourceArn", "key")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" DATETIME NOT NULL,
    "lockedUntil" DATETIME
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

