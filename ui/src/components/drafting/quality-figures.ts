import { percent } from '../../format';
import type { IntentQuality } from '../../pages/knowledge.graphql';

/**
 * The figures shown for each intent, in order: the laptop's table and the phone's list both read them here,
 * so the two cannot drift. `note` is shown muted after the value.
 */
export const QUALITY_FIGURES: { label: string; title?: string; show: (row: IntentQuality) => { value: string; note?: string } }[] = [
  { label: 'Decided', show: (row) => ({ value: String(row.decided) }) },
  { label: 'Approved as is', show: (row) => ({ value: String(row.approvedAsIs), note: `(${percent(row.acceptanceRate)})` }) },
  { label: 'Edited', show: (row) => ({ value: String(row.edited), note: `(${percent(row.editRate)})` }) },
  { label: 'Rejected', show: (row) => ({ value: String(row.rejected) }) },
  { label: 'Mean words changed', show: (row) => ({ value: row.meanEditDistance === null ? '—' : row.meanEditDistance.toFixed(1) }) },
  { label: 'Self-rated', title: 'The drafter\'s own mean confidence', show: (row) => ({ value: percent(row.meanRawConfidence) }) },
  {
    label: 'Calibrated',
    title: 'The mean confidence after calibration: what routing compares with thresholds',
    show: (row) => ({ value: percent(row.meanCalibratedConfidence) }),
  },
  {
    label: 'Shadow',
    title: 'Shadow mode: drafts policy would have sent alone, approved as written',
    show: (row) => ({ value: row.shadowWouldSend ? `${row.shadowApprovedAsIs} / ${row.shadowWouldSend}` : '—' }),
  },
];
