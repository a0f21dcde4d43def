"use client";

import { useState } from "react";
import { Input, type InputProps } from "@/components/ui/input";

export interface NumberInputProps extends Omit<InputProps, "value" | "onChange" | "type"> {
  value: number | undefined;
  /** undefined when an optional field is emptied; NaN when the text is not a number, so validation names the field */
  onChange: (value: number | undefined) => void;
  optional?: boolean;
}

const parse = (text: string, optional: boolean) => (text.trim() === "" ? (optional ? undefined : Number.NaN) : Number(text));
const format = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? "" : String(value));

/**
 * A number field that keeps what the person typed ("0.", "-", "") while the graph
 * holds the number it means. When the value changes from elsewhere (a slider, an
 * applied JSON), the text follows.
 */
export function NumberInput({ value, onChange, optional = false, ...props }: NumberInputProps) {
  const [text, setText] = useState(() => format(value));
  const [shown, setShown] = useState(value);
  if (!Object.is(shown, value)) {
    setShown(value);
    if (!Object.is(parse(text, optional), value)) setText(format(value));
  }
  return (
    <Input
      {...props}
      type="number"
      step="any"
      inputMode="decimal"
      numeric
      value={text}
      onChange={(e) => {
        const next = e.target.value;
        const parsed = parse(next, optional);
        setText(next);
        setShown(parsed);
        onChange(parsed);
      }}
    />
  );
}
