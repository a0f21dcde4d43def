/**
 * State kept on a plain object for its lazy getters, in a private field: seen by no key
 * list, JSON, comparison or structuredClone, and a tenth of a non-enumerable property's
 * cost to define. Not in a WeakMap: the young-generation GC keeps a WeakMap's entries
 * alive, so what they hold was promoted and the heap grew (~300 MB over a year's
 * backtest). A packet's lazy indicators and lazy candle points find their state here.
 *
 * A class whose constructor returns another object makes its subclass's fields land on
 * that object (the language's "return override"), so the object stays a plain Object
 * and keeps its prototype; only Stamp.of can read the field back. An object takes one
 * stamp (a second throws).
 */
class Returning {
  constructor(target: object) {
    return target;
  }
}

export class Stamp extends Returning {
  readonly #state: unknown;

  private constructor(target: object, state: unknown) {
    super(target);
    this.#state = state;
  }

  static stamp(target: object, state: unknown): void {
    new Stamp(target, state);
  }

  /** the state stamped on `target` (the caller knows its type: it stamped it) */
  static of<S>(target: object): S {
    return (target as Stamp).#state as S;
  }
}
