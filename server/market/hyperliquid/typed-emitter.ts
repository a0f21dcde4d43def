/**
 * A minimal typed event emitter. Unlike node's EventEmitter, an "error" with no
 * listener is not thrown, and a listener that throws cannot break the caller
 * (for the stream: the socket handler); the failure goes to `onListenerError`.
 */
// never[] accepts every listener signature under strictFunctionTypes; callers stay typed through E
type Listener = (...args: never[]) => void;

export class TypedEmitter<E extends { [K in keyof E]: Listener }> {
  private readonly listeners = new Map<keyof E, Set<Listener>>();

  /** returns a function that removes the listener */
  on<K extends keyof E>(event: K, fn: E[K]): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(fn);
    return () => this.off(event, fn);
  }

  off<K extends keyof E>(event: K, fn: E[K]): void {
    this.listeners.get(event)?.delete(fn);
  }

  /** subclasses decide where a throwing listener is reported; by default nowhere */
  protected onListenerError(_event: keyof E, _error: unknown): void {}

  protected emit<K extends keyof E>(event: K, ...args: Parameters<E[K]>): void {
    for (const fn of [...(this.listeners.get(event) ?? [])]) {
      try {
        (fn as (...a: unknown[]) => void)(...(args as unknown[]));
      } catch (e) {
        this.onListenerError(event, e);
      }
    }
  }
}
