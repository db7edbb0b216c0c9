-- AlterTable
ALTER TABLE "StsSession" ADD COLUMN "sessionPolicy" TEXT;
ALTER TABLE "StsSession" ADD COLUMN "sessionPolicyArns" TEXT;

