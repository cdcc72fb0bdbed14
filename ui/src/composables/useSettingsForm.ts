import { computed, reactive, ref } from 'vue';
import { refreshBranding } from '../branding/useBranding';
import { errorMessage, request } from './useGraphQL';
import {
  SETTINGS_QUERY, UPDATE_SETTINGS_MUTATION, type EffectiveSetting, type SettingsVersion,
} from '../pages/settings.graphql';
import type { SettingChangeInput } from '../generated/graphql';

export type SettingKind = 'number' | 'text' | 'prose' | 'list' | 'map' | 'colour';

/** Settings whose value is prose a customer or the drafter reads: a text box of several lines. */
const PROSE_KEYS = /^(voice\.|blockedReplies\.|expiry\.holdingReply$)/;

/** The input a setting gets, from the shape of its value (or of its fallback when the value is null). */
export function settingKind(setting: Pick<EffectiveSetting, 'key' | 'value' | 'fallback'>): SettingKind {
  if (/Color$/.test(setting.key)) return 'colour';
  const sample = setting.value ?? setting.fallback;
  if (typeof sample === 'number') return 'number';
  if (Array.isArray(sample)) return 'list';
  if (sample && typeof sample === 'object') return 'map';
  return PROSE_KEYS.test(setting.key) ? 'prose' : 'text';
}

/** A setting's value is the schema's JSON scalar: numbers, strings, lists of strings, maps of numbers. */
export function settingText(value: unknown, kind: SettingKind): string {
  if (value === null || value === undefined) return '';
  if (kind === 'list' && Array.isArray(value)) return value.join(', ');
  if (kind === 'map') return JSON.stringify(value, null, 2);
  return String(value);
}

class DraftError extends Error {}

/** What the draft text means; a number that does not parse goes as text so the server names the problem. */
function parseDraft(text: string, kind: SettingKind, key: string): unknown {
  if (kind === 'number') {
    const number = Number(text.trim());
    return text.trim() !== '' && Number.isFinite(number) ? number : text;
  }
  if (kind === 'list') return text.split(',').map((part) => part.trim()).filter(Boolean);
  if (kind === 'map') {
    try {
      return JSON.parse(text === '' ? '{}' : text);
    } catch {
      throw new DraftError(`${key}: is not valid JSON`);
    }
  }
  return text;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The settings page's state: drafts per key, the keys to reset, and a save that sends only what changed. */
export function useSettingsForm() {
  const settings = ref<EffectiveSetting[]>([]);
  const versions = ref<SettingsVersion[]>([]);
  const drafts = reactive<Record<string, string>>({});
  const resets = reactive(new Set<string>());
  const loaded = ref(false);
  const loadError = ref<string | null>(null);
  const saveError = ref<string | null>(null);
  const saved = ref<string | null>(null);
  const saving = ref(false);

  function adopt(next: EffectiveSetting[]): void {
    settings.value = next;
    resets.clear();
    for (const key of Object.keys(drafts)) delete drafts[key];
    for (const setting of next) drafts[setting.key] = settingText(setting.value, settingKind(setting));
  }

  async function load(): Promise<void> {
    loadError.value = null;
    try {
      const data = await request(SETTINGS_QUERY);
      adopt(data.effectiveSettings);
      versions.value = data.settingsVersions;
      loaded.value = true;
    } catch (error) {
      loadError.value = errorMessage(error);
    }
  }

  /** Throws DraftError when a draft cannot be read at all (JSON that does not parse). */
  function changes(): SettingChangeInput[] {
    const problems: string[] = [];
    const out: SettingChangeInput[] = [];
    for (const setting of settings.value) {
      if (resets.has(setting.key)) {
        out.push({ key: setting.key, value: null });
        continue;
      }
      const kind = settingKind(setting);
      const draft = drafts[setting.key] ?? '';
      // Untouched text is no change, even where it would not parse back to the same JSON (null shown as '').
      if (draft === settingText(setting.value, kind)) continue;
      try {
        const value = parseDraft(draft, kind, setting.key);
        if (!same(value, setting.value)) out.push({ key: setting.key, value });
      } catch (error) {
        if (error instanceof DraftError) problems.push(error.message);
        else throw error;
      }
    }
    if (problems.length) throw new DraftError(problems.join('; '));
    return out;
  }

  const dirty = computed(() => {
    try {
      return changes().length > 0;
    } catch {
      return true;
    }
  });

  function edit(key: string, text: string): void {
    drafts[key] = text;
    resets.delete(key);
    saved.value = null;
  }

  function reset(setting: EffectiveSetting): void {
    drafts[setting.key] = settingText(setting.fallback, settingKind(setting));
    resets.add(setting.key);
    saved.value = null;
  }

  async function save(): Promise<void> {
    if (saving.value) return;
    saveError.value = null;
    saved.value = null;
    let pending: SettingChangeInput[];
    try {
      pending = changes();
    } catch (error) {
      saveError.value = (error as Error).message;
      return;
    }
    if (pending.length === 0) return;
    saving.value = true;
    try {
      const { updateSettings } = await request(UPDATE_SETTINGS_MUTATION, { changes: pending });
      adopt(updateSettings);
      saved.value = `Saved ${pending.length} ${pending.length === 1 ? 'change' : 'changes'}.`;
      // The admin sees a new look at once; everyone else on their next load.
      if (pending.some(({ key }) => key.startsWith('branding.'))) void refreshBranding();
      const data = await request(SETTINGS_QUERY);
      versions.value = data.settingsVersions;
    } catch (error) {
      saveError.value = errorMessage(error);
    } finally {
      saving.value = false;
    }
  }

  return { settings, versions, drafts, resets, loaded, loadError, saveError, saved, saving, dirty, load, edit, reset, save };
}
