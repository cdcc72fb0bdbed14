// The words around a name that vouch for it. Each test reads a short, fixed window of text next to the
// candidate, so checking a cue costs the same however long the message is.

const words = (list: string) => new Set(list.trim().split(/\s+/));

/** Titles written before a name: "Mrs. Barbara Yudina", "Dr Burke". */
export const HONORIFICS = words(`mr mrs ms miss mx dr prof sir dame madam madame mme mlle herr frau sr sra srta signor signora rev`);

const RELATIVES = [
  ...words(`wife husband son daughter kid child partner friend boss manager colleague brother sister mother father mom
    mum dad uncle aunt cousin grandfather grandmother grandson granddaughter fiance fiancée girlfriend boyfriend
    nephew niece`),
];

// Phrases that introduce a name. After these even a lower-case word is a name, unless it is ordinary
// English ("my name is wrong on the card").
const NAMING = new RegExp(
  String.raw`(?:\b(?:name|surname)(?:'s| is| was| will be| should be| appears as| on (?:the|my|this) (?:account|card))?` +
    String.raw`|\bchange (?:my|the|his|her) name to|\bnamed|\bcalls? me|\bknown as|\bsigned(?: by)?|\bsincerely|\bregards|\bdear|\battn` +
    String.raw`|\b(?:my|our|his|her|their|your) (?:${RELATIVES.join('|')}))[ :,?!"-]*(?:(?:user|customer)[\s:]*)?$` +
    // A sign-off, then the name on the next line.
    String.raw`|\b(?:thanks|thank you|cheers|best(?: wishes)?|warmly|love|yours(?: truly)?)[,!.]?[ \t]*\n[\s>-]*$`,
);

// Softer introductions: they vouch for two capitalised words ("I'm Naomi Ryan", "add Laila Hansen as"),
// not for a single one ("I'm Canadian").
const INTRODUCING = new RegExp(
  String.raw`(?:\bname\b[^.!\n]{0,24}|\bcalled|\bi'm|\bi am|\bthis is|\bit's under|\bunder|\bsays|\bsaid|\bask for` +
    String.raw`|\bspeak to|\bspoke (?:to|with)|\bcheers|\bthanks|\badd|\bhi|\bhello|\bhey|\bmeet|\bcontact|\bincluding)` +
    String.raw`[\s:,?!"'-]*(?:(?:user|customer|it's|it is|is|was|to)[\s:]*)?$`,
);

// Phrase endings the regexes above can match; the regexes only run after one of these words.
const LAST_WORDS = new Set([
  ...words(`name surname is was be as to named called me by sincerely regards cheers thanks dear attn i'm am this under
    says said for with user customer it's it account card add hi hello hey meet contact including you best wishes
    warmly love yours truly`),
  ...RELATIVES,
]);

// What people do right after their name is written: "Jay Pearce lives at …", "Becker said".
const FOLLOWED_BY =
  /^(?:['’]s)?,? (?:lives|lived|living|resides) (?:at|in|on)\b|^ (?:said|says|wrote|writes|replied|asked|told|explained|shouted)\b/;

/** Field labels and chat roles that open a line with a colon, as a speaker's name would. */
export const FIELD_LABELS = words(`
  name phone address date email mail website note subject from to cc re fw bot user customer agent assistant system
  question answer mobile desk fax tel time title status order amount total subtotal paid zip city country state
  warning error update step tip summary example description comment reply sent received content directed written
  produced starring genre rating where when who what why how ps nb info company position job role personal
`);

export type Cue = 'naming' | 'introducing' | undefined;

/** How the text right before `start` introduces what follows; `previousWord` gates the regexes. */
export function cueBefore(text: string, start: number, previousWord: string | undefined): Cue {
  if (previousWord === undefined || !LAST_WORDS.has(previousWord)) return undefined;
  const before = text.slice(Math.max(0, start - 48), start).toLowerCase();
  if (NAMING.test(before)) return 'naming';
  return INTRODUCING.test(before) ? 'introducing' : undefined;
}

/** True when a verb people do follows the name ending at `end`. */
export function followedByPersonVerb(text: string, end: number): boolean {
  return FOLLOWED_BY.test(text.slice(end, end + 24));
}
