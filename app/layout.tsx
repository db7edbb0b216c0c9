import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import { Providers } from "@/components/providers";
import { NONCE_HEADER } from "@/lib/auth/csp";
import { THEME_STORAGE_KEY, themeScript } from "@/components/theme/theme-script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Strongbox", template: "%s | Strongbox" },
  description: "Self-hosted secrets manager with the AWS Secrets Manager and IAM model",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#0f141a" },
    { media: "(prefers-color-scheme: dark)", color: "#0f141a" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The cookie lets the server render the chosen theme; the script covers "follow the system".
  const stored = (await cookies()).get(THEME_STORAGE_KEY)?.value;
  // The CSP nonce proxy.ts made for this response: the theme script is the one inline script.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html
      lang="en"
      className={stored === "dark" ? "dark" : undefined}
      style={{ colorScheme: stored === "dark" ? "dark" : "light" }}
      suppressHydrationWarning
    >
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
