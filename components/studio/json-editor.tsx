"use client";

import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Textarea } from "@/components/ui/textarea";
import { describeGraphError, validateGraph, type GraphError } from "@/lib/domain/graph/validate";
import { useBuilder } from "./builder-context";

type Outcome = { kind: "syntax"; message: string } | { kind: "invalid"; errors: GraphError[] } | { kind: "applied" };

/**
 * The whole graph as JSON. Applying validates it first: a document the schema
 * refuses changes nothing and lists its errors, each naming the block and field.
 */
export function JsonEditor() {
  const { draft, setDraft } = useBuilder();
  const current = useMemo(() => JSON.stringify(draft, null, 2), [draft]);
  // null while the text mirrors the draft; a string once the person edits it
  const [edited, setEdited] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const text = edited ?? current;

  function apply() {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return setOutcome({ kind: "syntax", message: e instanceof Error ? e.message : String(e) });
    }
    const result = validateGraph(parsed);
    if (!result.ok) return setOutcome({ kind: "invalid", errors: result.errors });
    setDraft(result.graph);
    setEdited(null);
    setOutcome({ kind: "applied" });
  }

  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>Raw JSON</CardTitle>
          <CardDescription>The whole graph document. Apply checks it against the schema; nothing changes unless it is valid.</CardDescription>
        </div>
        <div className="flex gap-2">
          {edited !== null ? <Button variant="ghost" size="sm" onClick={() => { setEdited(null); setOutcome(null); }}>Discard JSON edits</Button> : null}
          <Button size="sm" onClick={apply}>Apply JSON</Button>
        </div>
      </CardHeader>
      <CardBody className="flex flex-col gap-3">
        {outcome?.kind === "syntax" ? <Alert tone="negative" title="Not JSON">{outcome.message}</Alert> : null}
        {outcome?.kind === "invalid" ? (
          <Alert tone="negative" title={`Not applied: ${outcome.errors.length} ${outcome.errors.length === 1 ? "error" : "errors"}`}>
            <ul className="mt-1 space-y-1" data-testid="json-errors">
              {outcome.errors.map((e) => <li key={`${e.path}:${e.message}`} className="font-mono text-xs">{describeGraphError(e)}</li>)}
            </ul>
          </Alert>
        ) : null}
        {outcome?.kind === "applied" && edited === null ? <Alert tone="positive">Applied to the draft. Save to make it a new version.</Alert> : null}
        <Textarea
          aria-label="Graph JSON"
          mono
          spellCheck={false}
          rows={22}
          className="text-xs leading-5"
          value={text}
          onChange={(e) => {
            setEdited(e.target.value);
            if (outcome?.kind === "applied") setOutcome(null);
          }}
        />
      </CardBody>
    </Card>
  );
}
