import type { Principal } from "@/lib/ops/caller";

declare module "next-auth" {
  interface User {
    principal?: Principal;
    passwordResetRequired?: boolean;
  }
  interface Session {
    principal?: Principal;
    /** An administrator requires a new password: the console shows only the change page. */
    passwordResetRequired?: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    principal?: Principal;
    authTime?: number;
    passwordResetRequired?: boolean;
  }
}
