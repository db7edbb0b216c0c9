// next-auth (v4) configuration: one credentials provider, JWT sessions that carry the principal.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "./secret";
import { SESSION_MAX_AGE_SECONDS, SIGN_IN_PATH, principalFromClaims } from "./session-policy";
import { clientAddress, clientUserAgent } from "./client-address";
import { SignInError, authenticate, parseCredentials } from "./sign-in";

/** next-auth's message for a wrong email or password (the form words it for people). */
export const BAD_CREDENTIALS = "CredentialsSignin";

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Strongbox",
        credentials: {
          kind: { type: "text" },
          email: { type: "email" },
          account: { type: "text" },
          userName: { type: "text" },
          password: { type: "password" },
        },
        async authorize(raw, req) {
          const credentials = parseCredentials(raw);
          if (!credentials) return null;
          try {
            const signedIn = await authenticate(credentials, {
              sourceIp: clientAddress(req?.headers),
              userAgent: clientUserAgent(req?.headers),
            });
            return signedIn
              ? {
                  id: signedIn.principal.arn,
                  principal: signedIn.principal,
                  passwordResetRequired: signedIn.passwordResetRequired,
                }
              : null;
          } catch (error) {
            if (error instanceof SignInError) throw error;
            console.error("sign-in failed", error);
            throw new Error("Sign-in is unavailable right now. Try again.");
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user && "principal" in user) {
          token.principal = user.principal;
          token.authTime = Math.floor(Date.now() / 1000);
          if (user.passwordResetRequired) token.passwordResetRequired = true;
          else delete token.passwordResetRequired;
          // next-auth's default claims would copy the user's email/name/picture: not needed.
          delete token.email;
          delete token.name;
          delete token.picture;
        }
        return token;
      },
      async session({ session, token }) {
        return {
          expires: session.expires,
          principal: principalFromClaims(token),
          ...(token.passwordResetRequired ? { passwordResetRequired: true } : {}),
        };
      },
    },
  };
}
