// Columnar journey storage: one row per journey (counts, value, close time) and one row per touch
// (channel, time, type, flags, weight), touches of journey j at [journeyOffsets[j], journeyOffsets[j+1]).
// Typed arrays keep a million journeys in a few tens of MB and let models run as tight loops.

/** Channel ids: 16-bit while there are at most 65,536 channels, else 32-bit. */
export type IdArray = Uint16Array | Uint32Array;

/** Touch flag bits (`touchFlags`). */
export const TouchFlag = {
  /** The touch that created the lead / registration. */
  leadCreated: 1,
  /** The touch that created the opportunity. */
  opportunityCreated: 2,
} as const;

export interface JourneySet {
  /** Interned channel (partner) names; a touch stores the index. */
  readonly channelNames: readonly string[];
  /** Interned touch type names (custom weights); empty when touches carry no type. */
  readonly touchTypeNames: readonly string[];
  /** Length journeyCount + 1. */
  readonly journeyOffsets: Uint32Array;
  readonly touchChannel: IdArray;
  /** Touch time in ms since the epoch; null when the source has no times. */
  readonly touchTime: Float64Array | null;
  /** Index into touchTypeNames; null when no touch has a type. */
  readonly touchType: IdArray | null;
  /** Bit set of TouchFlag; null when no touch is flagged. */
  readonly touchFlags: Uint8Array | null;
  /** Explicit touch weight, NaN when absent; null when no touch has one. */
  readonly touchWeight: Float64Array | null;
  /** Conversions carried by the journey (a won deal counts 1; aggregated rows count many). */
  readonly conversions: Float64Array;
  /** Conversion value (amount) carried by the journey. */
  readonly value: Float64Array;
  /** Non-converting journeys with this same path (lost deals). */
  readonly nulls: Float64Array;
  /** Close / conversion time in ms; NaN means "at the last touch". Null when the source has none. */
  readonly closeTime: Float64Array | null;
}

export const journeyCount = (set: JourneySet): number => set.journeyOffsets.length - 1;
export const touchCount = (set: JourneySet): number => set.touchChannel.length;

export interface JourneyTotals {
  conversions: number;
  value: number;
  nulls: number;
  maxTouches: number;
}

export function journeyTotals(set: JourneySet): JourneyTotals {
  let conversions = 0;
  let value = 0;
  let nulls = 0;
  let maxTouches = 0;
  const offsets = set.journeyOffsets;
  for (let j = 0; j < offsets.length - 1; j++) {
    conversions += set.conversions[j]!;
    value += set.value[j]!;
    nulls += set.nulls[j]!;
    const length = offsets[j + 1]! - offsets[j]!;
    if (length > maxTouches) maxTouches = length;
  }
  return { conversions, value, nulls, maxTouches };
}

/** Append-only typed buffer that doubles its capacity. */
class Growable<T extends Float64Array | Uint32Array | Uint8Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = this.make(Math.max(16, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  /** Grows to `length` filled with `fill` (used when a column appears after earlier rows). */
  padTo(length: number, fill: number): void {
    while (this.length < length) this.push(fill);
  }
  trimmed(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const f64 = (n = 64) => new Growable(new Float64Array(n), (s) => new Float64Array(s));
const u32 = (n = 64) => new Growable(new Uint32Array(n), (s) => new Uint32Array(s));
const u8 = (n = 64) => new Growable(new Uint8Array(n), (s) => new Uint8Array(s));

function narrow(ids: Uint32Array, distinct: number): IdArray {
  return distinct <= 0x10000 ? Uint16Array.from(ids) : ids;
}

export interface TouchInput {
  time?: number;
  type?: string;
  flags?: number;
  weight?: number;
}

export interface JourneyCounts {
  conversions: number;
  value: number;
  nulls: number;
  closeTime?: number;
}

/**
 * Builds a JourneySet touch by touch, interning channel and type names. Optional columns are only
 * allocated once some touch uses them, so plain paths cost 2 bytes per touch plus the time column
 * when present.
 */
export class JourneySetBuilder {
  private readonly channelIndex = new Map<string, number>();
  private readonly channelNames: string[] = [];
  private readonly typeIndex = new Map<string, number>();
  private readonly typeNames: string[] = [];
  private readonly offsets = u32();
  private readonly channels = u32(1024);
  private times: Growable<Float64Array> | null = null;
  private types: Growable<Uint32Array> | null = null;
  private flags: Growable<Uint8Array> | null = null;
  private weights: Growable<Float64Array> | null = null;
  private readonly conversions = f64();
  private readonly values = f64();
  private readonly nulls = f64();
  private closes: Growable<Float64Array> | null = null;

  constructor() {
    this.offsets.push(0);
  }

  /** The id of a channel name, adding it when new. */
  channel(name: string): number {
    let id = this.channelIndex.get(name);
    if (id === undefined) {
      id = this.channelNames.length;
      this.channelIndex.set(name, id);
      this.channelNames.push(name);
    }
    return id;
  }

  private type(name: string): number {
    let id = this.typeIndex.get(name);
    if (id === undefined) {
      id = this.typeNames.length;
      this.typeIndex.set(name, id);
      this.typeNames.push(name);
    }
    return id;
  }

  get journeyCount(): number {
    return this.offsets.length - 1;
  }

  /** Adds a touch to the journey being built (closed by endJourney). */
  touch(channelId: number, touch?: TouchInput): void {
    const index = this.channels.length;
    this.channels.push(channelId);
    if (touch?.time !== undefined) {
      this.times ??= f64(this.channels.data.length);
      this.times.padTo(index, Number.NaN);
      this.times.push(touch.time);
    }
    if (touch?.type !== undefined) {
      this.types ??= u32(this.channels.data.length);
      if (this.types.length < index) this.types.padTo(index, this.type("(none)"));
      this.types.push(this.type(touch.type));
    }
    if (touch?.flags) {
      this.flags ??= u8(this.channels.data.length);
      this.flags.padTo(index, 0);
      this.flags.push(touch.flags);
    }
    if (touch?.weight !== undefined) {
      this.weights ??= f64(this.channels.data.length);
      this.weights.padTo(index, Number.NaN);
      this.weights.push(touch.weight);
    }
  }

  /** Closes the current journey. Touches added since the previous call belong to it. */
  endJourney(counts: JourneyCounts): void {
    this.offsets.push(this.channels.length);
    this.conversions.push(counts.conversions);
    this.values.push(counts.value);
    this.nulls.push(counts.nulls);
    if (counts.closeTime !== undefined) {
      this.closes ??= f64();
      this.closes.padTo(this.journeyCount - 1, Number.NaN);
      this.closes.push(counts.closeTime);
    }
  }

  /** Adds a whole journey from channel names. */
  addPath(channels: readonly string[], counts: JourneyCounts, touches?: readonly (TouchInput | undefined)[]): void {
    for (let i = 0; i < channels.length; i++) this.touch(this.channel(channels[i]!), touches?.[i]);
    this.endJourney(counts);
  }

  build(): JourneySet {
    const touches = this.channels.length;
    const journeys = this.journeyCount;
    this.times?.padTo(touches, Number.NaN);
    if (this.types && this.types.length < touches) this.types.padTo(touches, this.type("(none)"));
    this.flags?.padTo(touches, 0);
    this.weights?.padTo(touches, Number.NaN);
    this.closes?.padTo(journeys, Number.NaN);
    return {
      channelNames: [...this.channelNames],
      touchTypeNames: [...this.typeNames],
      journeyOffsets: this.offsets.trimmed(),
      touchChannel: narrow(this.channels.trimmed(), this.channelNames.length),
      touchTime: this.times?.trimmed() ?? null,
      touchType: this.types ? narrow(this.types.trimmed(), this.typeNames.length) : null,
      touchFlags: this.flags?.trimmed() ?? null,
      touchWeight: this.weights?.trimmed() ?? null,
      conversions: this.conversions.trimmed(),
      value: this.values.trimmed(),
      nulls: this.nulls.trimmed(),
      closeTime: this.closes?.trimmed() ?? null,
    };
  }
}
