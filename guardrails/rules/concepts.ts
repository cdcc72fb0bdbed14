// Shared vocabulary for the built-in rules, in English, Spanish, French, German, Portuguese and Italian.
// Words are written without accents: the text is normalised the same way before matching.
import type { Concepts } from '../engine/pattern.js';

export const CONCEPTS: Concepts = {
  // Telling the assistant to drop what it was told.
  override: [
    'ignore', 'ignoring', 'disregard', 'forget', 'override', 'bypass', 'discard', 'abandon', 'neglect', 'drop',
    // Not the past tenses that normalise to the same letters (olvidé, oublié): "I forgot the instructions".
    'ignora', 'olvida', 'omite', 'ignorez', 'oubliez', 'ignoriere', 'ignorieren',
    'vergiss', 'missachte', 'esqueca', 'esquece', 'ignori', 'dimentica', 'dimentichi',
  ],
  instructions: [
    'instruction*', 'rules', 'prompt*', 'guideline*', 'directive*', 'constraint*', 'programming', 'restriction*',
    'safeguard*', 'guardrail*', 'instruccion*', 'indicacion*', 'directrices', 'regla*', 'consigne*', 'regle*',
    'anweisung*', 'regeln', 'vorgaben', 'richtlinie*', 'instruc*', 'regra*', 'diretriz*', 'istruzion*', 'regole',
  ],
  // Bare "ai" is French and Portuguese for "have" (j'ai); it counts only next to words that make it the model.
  ai: ['chatgpt', 'gpt*', 'llm', 'llms', 'chatbot', 'openai', 'claude', 'bard', 'gemini'],
  restrictions: [
    'restriction*', 'limit', 'limits', 'limitation*', 'filter*', 'censor*', 'boundar*', 'moral*', 'ethic*',
    'guideline*', 'rules', 'principles', 'constraints', 'policies', 'regulations', 'safeguards', 'warnings',
    'disclaimers', 'restricciones', 'limites', 'filtros', 'censura', 'einschrankungen', 'grenzen', 'regeln',
    'restricoes', 'restrizioni', 'limiti', 'filtri', 'moralite', 'morale', 'ethique',
  ],
  without: ['no', 'without', 'zero', 'unbound', 'free', 'sin', 'sans', 'ohne', 'sem', 'senza', 'keine', 'aucune', 'nessuna'],
  refuse: ['refuse', 'refuses', 'refusing', 'reject', 'decline', 'apologize', 'apologise', 'censor', 'filter'],
  response: ['response', 'responses', 'reply', 'replies', 'answer', 'answers', 'output', 'outputs', 'message', 'messages'],
  persona: ['character', 'persona', 'role', 'personality', 'roleplay', 'personaje', 'personnage', 'rolle', 'personagem', 'personaggio'],
  reveal: [
    'reveal', 'show', 'print', 'repeat', 'output', 'display', 'tell', 'give', 'leak', 'share', 'dump', 'write',
    'list', 'recite', 'copy', 'paste', 'what', 'whats', 'revela', 'muestra', 'revele', 'montre', 'affiche',
    'zeig', 'zeige', 'verrate', 'gib', 'mostra', 'mostre', 'rivela',
  ],
  hidden: ['system', 'hidden', 'initial', 'secret', 'original', 'internal', 'developer', 'preprompt', 'sistema', 'systeme', 'cache', 'oculto', 'versteckte', 'nascosto'],
  ask: [
    'how', 'steps', 'step', 'instructions', 'guide', 'tutorial', 'teach', 'explain', 'tips', 'methods', 'method',
    'ways', 'way', 'plan', 'strategy', 'recipe', 'procedure', 'detailed', 'help', 'write', 'give', 'create',
    'determine', 'brainstorm', 'suggest', 'identify', 'convince', 'persuade', 'encourage',
    'generate', 'provide', 'develop', 'devise', 'draft', 'compose', 'describe', 'list', 'outline', 'show', 'tell',
    'can', 'should', 'best', 'easiest', 'advice', 'where', 'como', 'comment', 'wie', 'come', 'pasos', 'etapes',
    'anleitung', 'passos', 'istruzioni',
  ],
  person: [
    'someone', 'somebody', 'person', 'people', 'human', 'humans', 'humanity', 'man', 'woman', 'men', 'women',
    'child', 'children', 'kid', 'kids', 'baby', 'babies', 'toddler', 'teenager', 'body', 'corpse', 'neighbour',
    'neighbor', 'neighbours', 'neighbors', 'wife', 'husband', 'boss', 'coworker', 'colleague', 'teacher',
    'classmate', 'girlfriend', 'boyfriend', 'partner', 'mother', 'father', 'mom', 'mum', 'dad', 'parents',
    'brother', 'sister', 'friend', 'family', 'roommate', 'president', 'politician', 'cop', 'cops', 'police',
    'officer', 'him', 'her', 'them', 'skull', 'throat', 'everyone', 'crowd', 'students', 'jews', 'muslims',
    'christians', 'immigrants', 'alguien', 'persona', 'personas', 'gente', 'quelqu', 'quelquun', 'personne',
    'jemanden', 'jemand', 'menschen', 'alguem', 'pessoa', 'pessoas', 'qualcuno',
  ],
  group: [
    'jews', 'jewish', 'muslims', 'muslim', 'christians', 'christian', 'hindus', 'hindu', 'buddhists', 'sikhs',
    'atheists', 'catholics', 'black', 'blacks', 'white', 'whites', 'asian', 'asians', 'latinos', 'latino',
    'hispanics', 'arabs', 'immigrants', 'refugees', 'migrants', 'foreigners', 'gay', 'gays', 'lesbians',
    'bisexual', 'trans', 'transgender', 'queer', 'lgbt', 'lgbtq', 'women', 'girls', 'men', 'disabled',
    'elderly', 'roma', 'gypsies', 'indigenous', 'aboriginal', 'mexicans', 'chinese', 'indians', 'africans',
    'poor', 'homeless', 'divorced', 'pregnant', 'people', 'nonbinary', 'autistic', 'asexual', 'pansexual',
    'catholic', 'jew', 'arab', 'africans', 'europeans', 'russians', 'ukrainians', 'palestinians', 'israelis', 'sikh',
  ],
  violent: [
    'kill', 'killing', 'murder', 'murdering', 'assassinat*', 'strangl*', 'stab', 'stabbing', 'shoot', 'shooting',
    'poison', 'poisoning', 'drown', 'drowning', 'behead*', 'decapitat*', 'dismember*', 'tortur*', 'kidnap*',
    'abduct*', 'hurt', 'harm', 'injure', 'overpower', 'capture', 'throttle', 'attack', 'obliterate', 'shatter', 'snipe',
    'demolish', 'annihilate', 'pierce', 'headshot', 'bludgeon', 'lynch', 'maul', 'disfigure', 'mutilat*', 'paralyze', 'maim', 'beat', 'execute', 'eliminate', 'eradicate', 'exterminat*',
    'massacre', 'slaughter', 'gut', 'chop', 'smother', 'suffocat*', 'burn', 'rape', 'molest*', 'assault',
    'push', 'cripple', 'break', 'crack', 'rip', 'ripping', 'wipe', 'starve', 'matar', 'tuer', 'toten',
    'uccidere', 'envenenar', 'empoisonner', 'vergiften', 'avvelenare', 'secuestrar', 'enlever', 'entfuhren',
  ],
  fiction: [
    'game', 'games', 'gta', 'minecraft', 'fortnite', 'witcher', 'skyrim', 'novel', 'story', 'movie', 'film',
    'fiction', 'fictional', 'play', 'book', 'chess', 'baseball', 'football', 'judo', 'karate', 'boxing',
    'character', 'characters', 'scene', 'screenplay', 'sims', 'videogame', 'duty', 'halo', 'roblox', 'pubg',
    'overwatch', 'valorant', 'zelda', 'mario', 'rpg', 'dnd', 'multiplayer', 'films', 'movies', 'series', 'episode',
    'terminator', 'checkers', 'poker', 'tennis', 'race', 'argument', 'debate', 'scrabble', 'monopoly',
  ],
  weapon: [
    'bomb', 'bombs', 'explosive*', 'grenade*', 'ied', 'detonator*', 'napalm', 'molotov', 'firearm*', 'silencer',
    'suppressor', 'ammunition', 'ammo', 'landmine', 'thermite', 'c4', 'tnt', 'nuke', 'bioweapon*', 'ricin', 'sarin',
    'anthrax', 'vx', 'tabun', 'phosgene', 'lewisite', 'strychnine', 'cyanide', 'botulinum', 'toxin', 'toxins',
    'uranium', 'plutonium', 'tetrodotoxin', 'parathion', 'novichok', 'mustard', 'chloropicrin', 'explosives', 'bomba', 'bombe', 'explosivo*', 'explosif*', 'sprengstoff', 'esplosiv*', 'veneno',
    'poison', 'poisons', 'veleno', 'gun', 'guns', 'handgun', 'rifle', 'pistol',
  ],
  drug: [
    'meth', 'methamphetamine', 'cocaine', 'heroin', 'fentanyl', 'lsd', 'mdma', 'ecstasy', 'weed', 'marijuana',
    'marihuana', 'cannabis', 'opioids', 'narcotics', 'dmt', 'ketamine', 'ghb', 'crystal', 'drugs', 'droga',
    'drogas', 'drogue', 'drogues', 'drogen', 'droghe',
  ],
  make: [
    'make', 'making', 'build', 'building', 'assemble', 'construct', 'create', 'manufactur*', 'synthes*', 'produce',
    'cook', 'brew', 'extract*', 'cultur*', 'grow', 'made', 'weaponi*', 'convert', 'modif*', 'enrich*', 'obtain', 'acquire', 'buy', 'purchase', 'get', 'sell',
    'selling', 'smuggl*', 'plant', 'detonate', 'explode', 'exploding', 'hide', 'use', 'prepare', 'mix',
    'hacer', 'fabricar', 'construir', 'crear', 'preparar', 'fabriquer', 'construire', 'faire', 'bauen',
    'herstellen', 'machen', 'fazer', 'criar', 'costruire', 'fare', 'preparare', 'comprar', 'acheter', 'kaufen',
  ],
  crime: [
    'steal', 'stealing', 'shoplift*', 'pickpocket*', 'launder*', 'forge', 'forging',
    'counterfeit*', 'smuggl*', 'traffick*', 'hijack*', 'phish',
    'blackmail*', 'extort*', 'bribe', 'stalk', 'stalking', 'doxx*', 'embezzl*', 'vandaliz*', 'arson', 'burglar*',
    'carjack*', 'wiretap*',
  ],
  crime_noun: [
    'fraud', 'crime', 'crimes', 'arson', 'murder', 'terrorism', 'treason', 'perjury', 'burglary', 'robbery',
    'theft', 'felony', 'genocide', 'massacre', 'atrocity', 'atrocities', 'shooting', 'bombing', 'attack',
    'attacks', 'assassination', 'kidnapping', 'trafficking', 'hijacking', 'rape', 'assault', 'suicide',
  ],
  cyber: [
    'malware', 'ransomware', 'keylogger*', 'botnet*', 'rootkit*', 'trojan*', 'spyware', 'virus', 'worm', 'exploit*',
    'payload*', 'shellcode', 'backdoor*', 'ddos', 'phishing', 'injection', 'xss', 'bruteforce', 'cryptojack*',
    'stalkerware',
  ],
  harm_cue: [
    'exploit*', 'vulnerab*', 'inject*', 'hijack*', 'evad*', 'evasion', 'undetect*', 'bypass*', 'ddos', 'brute',
    'crack*', 'steal*', 'scrap*', 'keylog*', 'ransom*', 'corrupt*', 'infect*', 'phishing', 'detection',
    'unauthori*', 'spread*', 'disable*', 'exfiltrat*', 'spam*', 'fake', 'bots',
  ],
  harmful_text: [
    'persuasive', 'convincing', 'viral', 'defamatory', 'sexist', 'racist', 'explicit', 'pornographic',
    'threatening', 'harassing', 'bullying', 'hateful', 'misleading', 'derogatory', 'insulting', 'propaganda',
    'homophobic', 'transphobic', 'xenophobic', 'antisemitic', 'inflammatory', 'erotic', 'graphic', 'snuff',
  ],
  text_kind: [
    'article', 'post', 'essay', 'email', 'message', 'letter', 'tweet', 'thread', 'story', 'blog', 'script',
    'advertisement', 'ad', 'speech', 'text', 'note', 'review', 'poem', 'song', 'joke', 'jokes', 'content',
    'description', 'film', 'campaign', 'comment', 'comments', 'guide', 'pamphlet', 'flyer', 'video',
  ],
  place: [
    'house', 'home', 'school', 'hospital', 'building', 'church', 'mosque', 'synagogue', 'temple', 'car', 'office',
    'store', 'shop', 'apartment', 'forest', 'city', 'station', 'airport', 'bank', 'concert', 'stadium', 'mall',
    'restaurant', 'bar', 'club', 'plane', 'flight', 'train', 'bus', 'subway', 'crowd', 'festival', 'market', 'base',
    'embassy', 'court', 'parliament', 'capitol', 'plant', 'dam', 'bridge', 'skyscraper*', 'tower', 'village', 'town',
    'country', 'nightclub', 'university', 'campus', 'headquarters', 'supply', 'grid', 'pipeline', 'reactor', 'jet', 'airliner',
  ],
  relation: [
    'wife', 'husband', 'boss', 'coworker', 'colleague', 'teacher', 'classmate', 'girlfriend', 'boyfriend',
    'partner', 'neighbour', 'neighbor', 'ex', 'mother', 'father', 'mom', 'dad', 'sister', 'brother', 'friend',
    'roommate', 'employee', 'employer', 'servant', 'nanny', 'maid', 'landlord', 'tenant', 'officer', 'doctor',
    'therapist', 'daughter', 'son', 'crush', 'someone', 'somebody', 'stranger', 'celebrity', 'student', 'rival',
    'competitor', 'date', 'coworkers', 'colleagues', 'neighbours', 'neighbors', 'classmates', 'students',
  ],
  private_data: [
    'password', 'passwords', 'passcode', 'ssn', 'social', 'license', 'licence', 'passport', 'birth', 'medical',
    'address', 'salary', 'earn', 'earns', 'income', 'instagram', 'facebook', 'email', 'emails', 'messages', 'texts',
    'location', 'whereabouts', 'diary', 'records', 'criminal', 'dna', 'fingerprints', 'pin', 'phone', 'number',
    'tax', 'religious', 'religion', 'beliefs', 'political', 'affiliation', 'browsing', 'history', 'sexual',
    'orientation', 'health', 'diagnosis', 'iphone', 'texts', 'chats', 'photos', 'nudes',
  ],
  atrocity: [
    'holocaust', 'genocide', 'genocides', 'slavery', 'apartheid', 'ethnic', 'massacre', 'terrorism', 'terrorist',
    'terrorists', 'isis', 'nazis', 'nazi', 'nazism', 'hitler', 'khmer', 'kkk', 'lynching', 'lynchings',
    'colonialism', 'pogrom', 'pogroms', '9', '11', 'shooting', 'atrocity', 'atrocities', 'internment', 'massacr*',
    'genocid*', 'taliban', 'slave', 'slaves', 'cleansing', 'bombing', 'stalin', 'gulag*', 'famine', 'trail', 'apartheid',
  ],
  deny: [
    'never', 'hoax', 'fabricat*', 'lie', 'lies', 'exaggerat*', 'inflated', 'myth', 'fake', 'staged', 'overstated',
    'didn', 'invented', 'propaganda',
  ],
  justify: ['right', 'justified', 'justify', 'benefits', 'benefit', 'beneficial', 'good', 'positive', 'necessary', 'deserved', 'replicate', 'recreate', 'success', 'succes'],
  exclude: [
    'allowed', 'banned', 'denied', 'barred', 'kicked', 'excluded', 'deported', 'segregated', 'sterilized',
    'admitted', 'forbidden', 'prevented', 'prohibited', 'fired', 'expelled', 'imprisoned', 'disenfranchised',
    'overrepresented', 'inferior', 'subhuman', 'vote', 'marry', 'adopt', 'rights', 'right',
  ],
};
