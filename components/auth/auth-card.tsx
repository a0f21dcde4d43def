import type { ReactNode } from "react";
import { Card, CardBody } from "@/components/ui/card";

export function AuthCard({ title, subtitle, children }: { title: string; subtitle: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-6 py-8 sm:py-14">
      <div className="text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-fg">{title}</h1>
        <p className="mt-2 text-sm text-fg-muted">{subtitle}</p>
      </div>
      <Card>
        <CardBody className="p-6">{children}</CardBody>
      </Card>
    </div>
  );
}
