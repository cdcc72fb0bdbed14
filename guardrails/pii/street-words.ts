// The vocabulary of street addresses in the languages our customers write in: words that end a street
// name in English (USPS suffixes), words that open one elsewhere in Europe ("Rue", "Via", "ul."), endings
// that make a single word a street ("Mellemvej", "Hauptstraße", "Kaarikatu"), and the words that introduce
// a flat, a post box or a military address. Everything is lower case and compared without accents.

const words = (list: string) => new Set(list.trim().split(/\s+/));

/** Street types that follow the name and rarely mean anything else after "<number> <Name>". */
export const STRONG_SUFFIXES = words(`
  street st str streets avenue ave av avenues road rd roads boulevard blvd lane ln lanes drive dr drives
  terrace ter terr parkway pkwy highway hwy turnpike tpke crescent cres plaza expressway freeway motorway
  strasse straße gate gata gatan vej gade utca ulica ulice cesta
`);

/** Street types that are also everyday words ("park", "view"); they need capitalised names around them. */
export const WEAK_SUFFIXES = words(`
  close court ct place pl square sq circle cir trail trl row walk alley route rte loop mall point pt union
  harbor harbour cove coves rapids forge forges prairie squares radial gardens garden grove hill hills
  heights park path pike ridge run valley view vista crossing creek junction landing manor meadow meadows
  mews mill mount orchard pass port ranch shore shores spring springs station summit trace track village
  ville wells estate estates causeway bypass circus quay wharf embankment green common commons courts
  fort ford falls field fields glen haven island isle knoll lake lakes lock lodge mission neck oval pines
  plain plains points river shoal skyway spur stream underpass wall branch bridge brook brooks burg camp
  canyon cape centre center cliff cliffs corner corners crest curve dale dam divide extension flat flats
  forest fork forks gateway hollow inlet islands keys landing lights locks mountain mountains ramp
  ridges shoals ways turnpike throughway trafficway stravenue overpass tunnel way
`);

/** Words that open a street name, followed by the name and usually the house number. */
export const STREET_PREFIXES = words(`
  rue rua via viale vicolo piazza piazzale corso largo calle avenida avda av avenue paseo plaza camino
  carrer carretera travessa praca estrada alameda rambla ronda boulevard bd bld chaussee chemin allee
  impasse quai cours ul ulica aleja al trg ulitsa prospekt namesti nabrezi trida calea strada bulevardul
  sokak caddesi οδος λεωφορος λ leof odos c
`);

// Endings that make one word a street name: "Bahnhofstrasse", "Mellemvej", "Kaarikatu", "Laugavegur".
// Compared against the accent-folded word, so "vägen" is listed as "vagen".
const STREET_ENDINGS = words(`
  strasse straße str gasse weg platz allee damm ufer graben steig pfad
  straat laan plein gracht kade dijk singel dreef baan
  vej gade straede straeti stræde stræti torv gatan vagen gata grand torget
  veien vegen veg gate stien plassen katu tie kuja polku vayla rinne
  vegur braut stigur utca korut ulica ulice iela gatve
`);
const ENDING_LENGTHS = [...new Set([...STREET_ENDINGS].map((e) => e.length))];
const ENDING_TAILS = new Set([...STREET_ENDINGS].map((e) => e.slice(-2)));

/** True for one word that names a street by its ending, with at least three letters before the ending. */
export function isStreetWord(folded: string): boolean {
  if (!ENDING_TAILS.has(folded.slice(-2))) return false;
  return ENDING_LENGTHS.some((n) => folded.length >= n + 3 && STREET_ENDINGS.has(folded.slice(-n)));
}

/** Flats, suites and units: "Apt. 595", "Suite 501", "Flat 3B". */
export const UNIT_WORDS = words(`apt apartment suite ste unit flat`);

/** Small words inside street and place names: "Rue de la Gare", "Paseo del Atlántico", "Ústí nad Labem". */
export const NAME_PARTICLES = words(`
  de du des la le les del della delle dei di da do dos das van von der den het y e i im am an zu op ter of the
  nad pod na sur sous upon bei auf
`);

