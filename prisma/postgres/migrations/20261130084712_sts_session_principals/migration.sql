-- AlterTable
ALTER TABLE "StsSession" ADD COLUMN     "principalType" TEXT NOT NULL DEFAULT 'AssumedRole',
ADD COLUMN     "userId" TEXT,
ALTER COLUMN "roleId" DROP NOT NULL,
ALTER COLUMN "sessionName" DROP NOT NULL;

