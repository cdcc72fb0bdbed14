// What names look like: the run of words a name detector considers, the endings surnames have across the
// languages in our traffic, and the capitalised words that never belong to a person's name. Endings are
// compared with the accent-folded word, except where the accent itself is the signal.
import type { PiiSpan } from './span.js';
import type { Word } from './words.js';

/** Consecutive words that may form one name: indexes into the message's words. */
export interface NameRun {
  first: number;
  last: number;
}

/** The folded word without a possessive "'s" ("Maclean's" → "maclean"). */
export const stem = (w: Word): string => (/['’]s$/.test(w.folded) ? w.folded.slice(0, -2) : w.folded);

/** The span of a run, without a possessive "'s" ("Bryan Maclean's killers"). */
export function toSpan(words: Word[], run: NameRun): PiiSpan {
  const last = words[run.last]!;
  const possessive = /['’]s$/.test(last.text) ? 2 : 0;
  return { type: 'person', start: words[run.first]!.start, end: last.end - possessive };
}

// Endings distinctive enough to mark a single capitalised word as a surname ("says Navrátilová").
const DISTINCTIVE = new RegExp(
  String.raw`^\p{L}{3,}(?:sson|dottir|ssen|ski|ska|cki|cka|wicz|enko|poulos|opoulou|escu|ovich|evich|ovna|evna` +
    String.raw`|shvili|oglu|inen|nen|czyk|czak|ovski|ovska)$`,
  'u',
);
// Endings common in surnames but also in ordinary words ("Madison", "Geneva"): only after a first name.
const SUPPORTING =
  /(?:son|sen|ez|ov|ev|ova|eva|ina|mann|berg|stein|feld|baum|huber|bauer|meier|mayer|maier|elli|etti|ucci|acci|otti|yan|vic|sky|ska|(?<!e)ak|(?<!e)ek|ik)$/;
// Where the accent is the signal: Czech "-ová" is a surname, English "nova" is not.
const ACCENTED = /(?:ová|ić|ič|vić|ák|ík|ský|ská)$/;
const NOT_SURNAMES = new Set(
  `season reason person lesson poison prison comparison venison crimson unison liaison chosen frozen dozen citizen
   oven geneva moldova casanova nova supernova china argentina carolina platina`.split(/\s+/),
);

/**
 * True when the word looks like a surname. `supported`: the word sits after another word of the same
 * name, where weaker endings ("-son", "-ez") are enough.
 */
export function isSurnameShaped(w: Word, supported: boolean): boolean {
  const folded = stem(w);
  if (w.kind !== 'word' || folded.length < 4 || NOT_SURNAMES.has(folded) || folded.endsWith('person')) return false;
  if (ACCENTED.test(w.lower.replace(/['’]s$/, '')) || DISTINCTIVE.test(folded)) return true;
  return supported && folded.length >= 5 && SUPPORTING.test(folded);
}

const list = (words: string) => new Set(words.trim().split(/\s+/));

/** Capitalised words of companies, streets, places, documents and products: a run holding one is no name. */
export const NOT_NAME_WORDS = list(`
  inc ltd llc plc gmbh ag sa bv nv co corp corporation company companies group partners partnership bank
  banks university college school academy hospital clinic foundation institute association agency
  services service solutions systems technologies technology tech labs lab capital research consulting
  holdings international global media studio studios records weekly daily news times post journal
  magazine club team center centre council ministry department office government committee society
  church museum library airlines airline airways motors industries enterprises ventures network networks
  software store stores shop market markets insurance trust fund finance financial credit union
  street st avenue ave road rd boulevard blvd lane drive court place square terrace way close crescent
  park parkway highway plaza apt apartment suite unit box floor building
  city town county state states province republic kingdom united north south east west central upper
  lower greater new saint san santa los las del island islands mountains river lake valley bay beach
  airport station harbour harbor port
  america american europe european africa african asia asian
  visa mastercard amex paypal apple google amazon microsoft facebook netflix uber iphone android windows
  app apps account user bot agent orchestra analytics card cards payment transfer transaction refund fee fees
  pin atm sms email online
  monday tuesday wednesday thursday friday saturday sunday january february march april june july
  august september october november december christmas easter
  song songs album band film movie show series book novel chapter episode season volume version edition
  part level
`);
