// Everyday English words that start sentences and fill questions. A capitalised word from this list is a
// sentence opener, not a name ("When", "Please"), and after "my name is" a word from it ends the name
// ("my name is wrong on the card").

const list = `
  a about above after again against all also am an and any are as at away back be because been before being
  below between both but by can cannot could did do does doing done down during each either else even ever
  every few for from further get gets getting got had has have having he her here hers herself him himself his
  how however i if in into is it its itself just least less let like made make many may me might mine more
  most much must my myself neither never no nor not now of off on once one only or other our ours ourselves
  out over own please same she should since so some still such than that the their theirs them themselves
  then there these they this those through thus to too under until up upon us very was we were what whatever
  when where whether which while who whom whose why will with within without would yes yet you your yours
  yourself yourselves i'm i'll i've i'd anyway
  hi hello hey dear thanks thank regards cheers sincerely best kind warm greetings ok okay sorry welcome
  today tomorrow yesterday tonight now soon later morning afternoon evening night week month year weekend
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  new old good great bad big small last next first second third other same different
  wrong right correct incorrect spelled spelt misspelled changed missing not also still already
  account card bank money payment transfer order delivery help support customer service team
`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(list.trim().split(/\s+/));
