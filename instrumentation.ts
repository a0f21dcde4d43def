/** Runs once when a Next.js server starts: background work starts with the app. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { PHASE_PRODUCTION_BUILD } = await import("next/constants");
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { startEmbeddedScheduler } = await import("./server/scheduler/start-embedded");
  startEmbeddedScheduler();
  const { startLiveStream } = await import("./server/services/market/stream/start-live-stream");
  startLiveStream();
}
