import Link from "next/link";

export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden focusable="false">
      <rect width="32" height="32" rx="7" fill="#ff9900" />
      <path
        d="M16 5.5 7.5 9v6.6c0 5.3 3.6 9.6 8.5 11 4.9-1.4 8.5-5.7 8.5-11V9L16 5.5Z"
        fill="#0f141a"
      />
      <circle cx="16" cy="15" r="3" fill="#ff9900" />
      <path d="M15 17h2v4.5h-2z" fill="#ff9900" />
    </svg>
  );
}

/** Logo and product name; a link to the console home when `href` is given. */
export function BrandMark({ href }: { href?: string }) {
  const content = (
    <span className="flex items-center gap-2">
      <Logo className="size-7" />
      <span className="text-base font-bold tracking-tight text-topbar-foreground">Strongbox</span>
    </span>
  );
  return href ? (
    <Link href={href} aria-label="Strongbox home" className="rounded-md">
      {content}
    </Link>
  ) : (
    content
  );
}
