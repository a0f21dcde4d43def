import { Skeleton } from "./skeleton";

/**
 * A page-shaped loading placeholder (header, stat strip, list) for a segment's loading.tsx.
 * Not used as app/loading.tsx on purpose: a root loading boundary makes every page stream,
 * so redirect() and forbidden() in pages arrive after a 200 instead of as a 307 / 403.
 */
export function PageSkeleton() {
  return (
    <div role="status" aria-live="polite" className="animate-fade-in">
      <span className="sr-only">Loading…</span>
      <div className="mb-8 space-y-3">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-4 w-full max-w-md" />
      </div>
      <div className="grid grid-cols-2 gap-px overflow-hidden rounded-card border border-line bg-line lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="space-y-3 bg-surface p-5">
            <Skeleton className="h-3 w-20" />
            <Skeleton className="h-7 w-28" />
          </div>
        ))}
      </div>
      <div className="mt-6 overflow-hidden rounded-card border border-line bg-surface">
        <div className="border-b border-line px-5 py-3">
          <Skeleton className="h-4 w-32" />
        </div>
        <div className="divide-y divide-line">
          {Array.from({ length: 5 }, (_, i) => (
            <div key={i} className="flex items-center gap-4 px-5 py-3.5">
              <Skeleton className="size-8 rounded-full" />
              <Skeleton className="h-4 flex-1" />
              <Skeleton className="hidden h-4 w-20 sm:block" />
              <Skeleton className="h-4 w-16" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
