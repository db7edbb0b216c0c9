// The console's Content-Security-Policy. Scripts run only with this response's nonce (Next puts it
// on its own scripts and chunks; 'strict-dynamic' trusts what they load), so injected markup can't
// run code. Styles allow 'unsafe-inline': React renders style attributes (the <html> colour
// scheme) and Radix and sonner set inline styles, which nonces can't cover; styles can't run code.
export const NONCE_HEADER = "x-nonce";

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development") {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
