import Link from "next/link";
import { BrandMark } from "@/components/shell/brand";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-12 items-center bg-topbar px-5">
        <BrandMark href="/secrets" />
      </header>
      <main className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center">
        <p className="text-sm font-bold text-muted-foreground">404</p>
        <h1 className="text-2xl font-bold">Page not found</h1>
        <p className="text-muted-foreground">The page you asked for doesn&apos;t exist.</p>
        <Button asChild variant="primary" className="mt-2">
          <Link href="/secrets">Go to Secrets</Link>
        </Button>
      </main>
    </div>
  );
}
