-- AlterTable
ALTER TABLE "StsSession" ADD COLUMN     "sessionPolicy" TEXT,
ADD COLUMN     "sessionPolicyArns" TEXT;

