// TEMPORARY visual check of the primitives; deleted after screenshots.
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Credits } from "@/components/ui/credits";
import { Field, TextareaField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, TBody, Td, Th, THead, Tr, TableEmpty } from "@/components/ui/table";

export default function Preview() {
  return (
    <div className="space-y-8">
      <PageHeader eyebrow="Race #12" title="Primitives" subtitle="Every primitive in one place." actions={<><Button variant="secondary">Export</Button><Button>Buy ticket</Button></>} />
      <div className="flex flex-wrap gap-3">
        <Button>Primary</Button><Button variant="secondary">Secondary</Button><Button variant="ghost">Ghost</Button><Button variant="danger">Retire clone</Button>
        <Button loading>Saving</Button><Button disabled>Disabled</Button><Button size="sm">Small</Button><Button size="lg">Large</Button><LinkButton href="/arena" variant="secondary">Link</LinkButton>
      </div>
      <div className="flex flex-wrap gap-2">
        <Badge>Draft</Badge><Badge tone="positive">Passed</Badge><Badge tone="negative">Failed</Badge><Badge tone="warning" dot>Accumulating</Badge><Badge tone="info">Fee paid</Badge><Badge tone="positive" dot="pulse">Live</Badge><Badge tone="accent">Admin</Badge>
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <Alert tone="info" title="Tickets close in 12 minutes">The race launches at 14:00 UTC.</Alert>
        <Alert tone="positive" title="Ticket bought">You backed Momentum Max with <Credits cents={2500} />.</Alert>
        <Alert tone="warning" title="Stale data">Hyperliquid candles are 3 minutes late.</Alert>
        <Alert tone="negative" title="Not enough credits" actions={<LinkButton href="/wallet" size="sm" variant="secondary">Open wallet</LinkButton>}>Your balance is <Credits cents={1200} />; this ticket needs <Credits cents={2500} />.</Alert>
      </div>
      <StatGrid>
        <Stat label="Balance" value={<Credits cents={123456} />} />
        <Stat label="Return" value="+4.20%" delta="+0.35% today" deltaTone="positive" />
        <Stat label="Drawdown" value="-2.10%" delta="-0.8%" deltaTone="negative" />
        <Stat label="Pool" value={<Credits cents={9876500} />} hint="8 entrants" />
      </StatGrid>
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <Card>
          <CardHeader><CardTitle>Buy a ticket</CardTitle><Badge tone="warning" dot>Accumulating</Badge></CardHeader>
          <CardBody className="space-y-4">
            <CardDescription>Stake 1 to 1,000 credits on one clone.</CardDescription>
            <Field label="Stake" name="stake" placeholder="25.00" numeric hint="Credits, up to 2 decimals." labelAside="Balance 1,000.00" />
            <Field label="Email" name="email" defaultValue="not-an-email" error="Enter a valid email address" />
            <TextareaField label="Trading prompt" name="prompt" mono defaultValue="You are a momentum trader..." />
          </CardBody>
          <CardFooter><Button variant="ghost">Cancel</Button><Button>Buy ticket</Button></CardFooter>
        </Card>
        <div className="space-y-4">
          <Table>
            <THead><Tr><Th>#</Th><Th>Clone</Th><Th numeric>Stake</Th><Th numeric>Payout</Th></Tr></THead>
            <TBody>
              <Tr><Td>1</Td><Td>Momentum Max</Td><Td numeric><Credits cents={100000} /></Td><Td numeric><Credits cents={154230} signed /></Td></Tr>
              <Tr><Td>2</Td><Td>Carry Cat</Td><Td numeric><Credits cents={2500} /></Td><Td numeric><Credits cents={-2500} signed /></Td></Tr>
              <Tr><Td>3</Td><Td>Reversion Rex</Td><Td numeric><Credits cents={50} /></Td><Td numeric><Credits cents={0} signed /></Td></Tr>
            </TBody>
          </Table>
          <Table><THead><Tr><Th>When</Th><Th numeric>Amount</Th></Tr></THead><TBody><TableEmpty colSpan={2}>No ledger entries yet.</TableEmpty></TBody></Table>
          <Pagination page={2} pageCount={7} hrefFor={(p) => `/zz-ui-preview?page=${p}`} />
          <Pagination page={1} pageCount={1} hrefFor={(p) => `/zz-ui-preview?page=${p}`} />
        </div>
      </div>
      <PageSkeleton />
    </div>
  );
}
