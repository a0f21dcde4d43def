/** The model provider a clone names, built from what the process has configured. */
import { createAnthropicProvider } from "./anthropic";
import { createRulesProvider } from "./rules";
import { createScriptedProvider, type Script } from "./scripted";
import type { ModelProvider } from "./types";

export type ProviderName = ModelProvider["name"];

export interface ProviderDeps {
  /** without one, anthropic decisions are explained no-trades */
  anthropicApiKey?: string;
  /** default: ANTHROPIC_BASE_URL, else the public API */
  anthropicBaseUrl?: string;
  /** what a scripted provider plays; without one every decision is "unavailable" */
  script?: Script;
}

export function providerFor(name: ProviderName, deps: ProviderDeps = {}): ModelProvider {
  switch (name) {
    case "anthropic":
      return createAnthropicProvider({ apiKey: deps.anthropicApiKey, baseURL: deps.anthropicBaseUrl });
    case "rules":
      return createRulesProvider();
    case "scripted":
      return createScriptedProvider(deps.script ?? []);
  }
}

export type { DecisionRequest, ModelOutcome, ModelProvider, ModelUsage } from "./types";
export type { Script, ScriptedProvider } from "./scripted";
