// PII scoring for the evaluation script. A gold span is found when a predicted span of the same type overlaps
// it; a predicted span is right when it overlaps a gold span of a compatible type (gold data labels a city or
// a ZIP code separately from the street, which the detector reports as one address).

export interface PiiSpan {
  type: string;
  start: number;
  end: number;
}

const ALSO_CORRECT: Record<string, string[]> = { address: ['location', 'zip'] };

export interface PiiScore {
  gold: number;
  predicted: number;
  precision: number | null;
  recall: number | null;
}

export function scorePii(pairs: Array<{ gold: PiiSpan[]; predicted: PiiSpan[] }>): Record<string, PiiScore> {
  const tally = new Map<string, { gold: number; found: number; predicted: number; right: number }>();
  const of = (type: string) => {
    let t = tally.get(type);
    if (!t) tally.set(type, (t = { gold: 0, found: 0, predicted: 0, right: 0 }));
    return t;
  };
  const overlaps = (a: PiiSpan, b: PiiSpan) => a.start < b.end && b.start < a.end;
  for (const { gold, predicted } of pairs) {
    for (const g of gold) {
      const t = of(g.type);
      t.gold++;
      if (predicted.some((p) => p.type === g.type && overlaps(p, g))) t.found++;
    }
    for (const p of predicted) {
      const t = of(p.type);
      t.predicted++;
      const accepted = [p.type, ...(ALSO_CORRECT[p.type] ?? [])];
      if (gold.some((g) => accepted.includes(g.type) && overlaps(p, g))) t.right++;
    }
  }
  const scores: Record<string, PiiScore> = {};
  for (const [type, t] of [...tally].sort(([a], [b]) => a.localeCompare(b))) {
    scores[type] = {
      gold: t.gold,
      predicted: t.predicted,
      precision: t.predicted ? Number((t.right / t.predicted).toFixed(4)) : null,
      recall: t.gold ? Number((t.found / t.gold).toFixed(4)) : null,
    };
  }
  return scores;
}
