import type { Principal } from "@/lib/ops/caller";

declare module "next-auth" {
  interface User {
    principal?: Principal;
  }
  interface Session {
    principal?: Principal;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    principal?: Principal;
    authTime?: number;
  }
}
