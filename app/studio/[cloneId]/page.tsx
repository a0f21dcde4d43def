import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BacktestCard } from "@/components/studio/backtest-card";
import { CloneBuilder } from "@/components/studio/clone-builder";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { isNotFound } from "@/server/api/errors";
import { api } from "@/server/api/server-caller";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Clone builder" };

/** The builder for one of the creator's clones: Basic, Custom and Power User views over its graph. */
export default async function CloneBuilderPage({ params }: { params: Promise<{ cloneId: string }> }) {
  const { cloneId } = await params;
  await requireUser(`/studio/${cloneId}`);
  const clone = await (await api()).clones.get({ cloneId }).catch((e: unknown) => {
    if (isNotFound(e)) notFound();
    throw e;
  });

  return (
    <>
      <PageHeader
        eyebrow="Studio · Clone builder"
        title={<span data-testid="builder-clone-name">{clone.name}</span>}
        subtitle="Three views over one graph. Every save is a new version; decisions already made keep the version they used."
        actions={<LinkButton href={`/clones/${clone.id}`} variant="secondary">Clone page</LinkButton>}
        className="mb-6"
      />
      <CloneBuilder cloneId={clone.id} initialGraph={clone.graph} initialVersion={clone.version} />
      <BacktestCard cloneId={clone.id} graph={clone.graph} />
    </>
  );
}
