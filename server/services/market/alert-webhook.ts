/**
 * Posts a newly opened ingestion alert to ALERT_WEBHOOK_URL as JSON (Slack- and
 * Discord-style `text`, plus the structured alert). Best effort with a short
 * timeout: the alert record is what counts; the outcome is kept on it.
 */
export interface AlertPayload {
  channelId: string;
  kind: string;
  message: string;
  openedAt: string;
}

export async function postAlertWebhook(url: string, alert: AlertPayload, fetchImpl: typeof fetch = fetch): Promise<string | null> {
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: `[Clash of Clones] ${alert.kind} ${alert.channelId}: ${alert.message}`, alert }),
      signal: AbortSignal.timeout(5_000),
    });
    return response.ok ? null : `webhook answered HTTP ${response.status}`;
  } catch (e) {
    return `webhook failed: ${(e as Error).message}`;
  }
}
