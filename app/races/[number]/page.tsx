import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RaceLive } from "@/components/arena/race-live";
import { isNotFound } from "@/server/api/errors";
import { api } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

type Params = Promise<{ number: string }>;

function raceNumber(raw: string): number | null {
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const n = raceNumber((await params).number);
  return { title: n === null ? "Race" : `Race #${n}` };
}

export default async function RacePage({ params }: { params: Params }) {
  const n = raceNumber((await params).number);
  if (n === null) notFound();
  const race = await (await api()).arena.race({ number: n }).catch((e: unknown) => {
    if (isNotFound(e)) notFound();
    throw e;
  });
  return <RaceLive number={n} initial={race} />;
}
