// The key that signs and encrypts console sessions. Every instance must share it, so it comes from
// NEXTAUTH_SECRET; the embedded default generates one into the data directory on first run.
import { dataDir } from "@/lib/config";
import { loadOrCreateSecretFile } from "@/lib/crypto/keys";

let cached: string | undefined;

export function authSecret(): string {
  cached ??= process.env.NEXTAUTH_SECRET || loadOrCreateSecretFile(dataDir(), "nextauth.secret");
  return cached;
}
