// Built-in security rules. Each describes how a kind of attack is phrased (the verbs, roles and structures
// attackers need), not known attack strings, so it carries over to messages nobody has seen yet. Scores add
// up: 1 blocks alone; weaker signals (a persona, a mention of "no filters") block only together.
import type { RuleSpec } from '../engine/rule.js';

const security = (id: string, score: number, spec: Omit<RuleSpec, 'id' | 'class' | 'severity' | 'score'>): RuleSpec => ({
  id: `security.${id}`,
  class: 'security_violation',
  severity: score >= 1 ? 'high' : score >= 0.5 ? 'medium' : 'low',
  score,
  ...spec,
});

export const SECURITY_RULES: RuleSpec[] = [
  // Prompt injection: instruction override and exfiltration.
  security('instruction_override', 1, {
    description: 'Tells the assistant to ignore or replace its instructions',
    match: ['@override ~4 @instructions', '@override ~2 everything|all|anything ~6 learned|told|taught|said|know|before|previous|above', 'new|updated|real|actual|true ~1 instructions|rules|prompt|directive'],
  }),
  security('prompt_exfiltration', 1, {
    description: 'Asks for the system prompt, hidden instructions or the conversation above',
    match: [
      '@reveal ~5 @hidden ~1 prompt*|instruction*|rules|configuration|guidelines|context|instrucciones|instructions|anweisungen',
      '@reveal ~5 your ~2 prompt|instructions|guidelines|configuration',
      'repeat|print|output|copy|recite ~4 everything|text|words|above|verbatim ~3 above|before|verbatim|start',
    ],
  }),
  // Jailbreaks: persona play, restriction removal, response shaping. Each alone is weak; together they are
  // the signature of a jailbreak prompt.
  security('jailbreak_named', 1, {
    description: 'Names a jailbreak technique or an unrestricted mode',
    match: [
      'jailbr* ', 'jailbroken', 'god|evil|unrestricted|unfiltered|uncensored|chaos|opposite|amoral|unlocked ~1 mode|modus|modo',
      'do anything now', 'modo desarrollador|desenvolvedor', 'mode developpeur', 'entwicklermodus', 'modalita sviluppatore',
      'dan ~2 mode|prompt|jailbreak', 'stands for ~4 anything|unrestricted|unfiltered|restrictions',
    ],
  }),
  security('special_mode', 0.5, {
    description: 'Asks the assistant to switch to a developer, debug or admin mode (phones and apps have such modes too, so it only counts with other signals)',
    match: ['developer|dev|debug*|admin|root|maintenance|sudo|test|god ~1 mode|modus|modo'],
  }),
  security('no_restrictions', 0.5, {
    description: 'Asks for an answer free of rules, filters, morals or warnings',
    match: [
      '@without ~2 @restrictions', 'unfiltered|uncensored|unrestricted|amoral|unethical|immoral|unhinged|unbounded|lawless',
      'not|never|don|doesn|dont|cannot ~3 bound|restricted|limited|follow|obey|care|adhere ~3 @restrictions|rules|policy|policies|guidelines',
      'break|breaks|breaking|broken ~3 free|rules|policy|policies|guidelines|restrictions',
      'content|usage|safety|ethical|moral ~1 polic*|guideline*|filter*',
      'anything|everything ~3 illegal|unethical|harmful|immoral|offensive|inappropriate',
      'illegal|unethical|harmful|immoral|explicit|offensive ~4 content|requests|questions|activities|things|information',
    ],
  }),
  security('never_refuse', 0.5, {
    description: 'Forbids the assistant to refuse, apologise or warn',
    match: [
      'never|not|cannot|can|won|will|must|shall|dont|don ~3 @refuse',
      'never|not|no|dont|don|without ~3 warn*|warning*|disclaimer*|apolog*|sorry|moraliz*|moralis*|lectur*',
      'always ~3 answer|respond|reply|comply|obey|provide',
    ],
  }),
  security('persona_assignment', 0.9, {
    description: 'Tries to give the assistant a new identity or role to play',
    perMatch: 0.4,
    // "You are now a Gold member", "you are now all set": businesses write that to customers too.
    unless: ['now ~2 member|members|customer|eligible|enrolled|subscribed|registered|verified|ready|set|able|connected|signed|logged|booked|confirmed|approved|part|covered|protected|insured'],
    match: [
      'you|youre|you re ~2 now|going|gonna|about|will|shall|must|are ~3 act|acting|pretend|play|playing|roleplay|simulate|emulate|become|be|immerse|impersonat*',
      'act|acting|behave|behaving ~1 as|like', 'you ~1 are|re ~1 now', 'you will ~2 be|become|play ~2 a|an|the|my', 'respond|reply|answer|speak|talk|write ~1 as|like ~2 a|an|if|though|him|her',
      'pretend|pretending ~3 to|you|that|be', 'roleplay|role play|roleplaying|impersonat*|simulat*|emulat*',
      'stay|remain|keep|break|breaking ~3 in|out|of ~1 @persona', 'in character', 'your ~1 new ~1 name|identity|persona|role|personality',
      'from now on ~4 you|your|act|respond|answer|reply|refer|call|always|never|only|use|speak|talk|write|keep', 'answer|respond|reply|speak|talk|write ~6 from now on',
      'you|youre ~2 are|re ~4 named|called', 'personify|embody|channel ~3 a|an|the', 'in the voice ~1 of', 'i ~1 am|m ~3 developer|programmer|engineer|employee|admin|administrator|creator|owner ~3 at|from|of ~2 openai|@ai|this',
      'your ~1 programming|code|training|weights', 'reprogram*', 'henceforth|hereafter ~4 you|your',
      'i ~2 want|need|like ~2 you ~2 to ~2 act|pretend|be|play|become|respond|answer|simulate|imagine',
      'actua|actuas|agis|agissez|handle|handeln|aja|agisci|finge|finja|fais ~2 como|comme|als|come|semblant',
      'eres|es|bist|e|sei ~2 ahora|maintenant|jetzt|agora|ora ~4 @persona|un|una|une|ein|eine|um|uma|uno',
    ],
  }),
  security('prompt_language', 0.6, {
    description: 'Reads like a prompt written for a model: directives to "you", roles, formats, modes',
    perMatch: 0.2,
    match: [
      '@ai', 'an|the|your|you|as|dear|hey|hi ~1 ai|ia', 'ai|ia ~1 model|assistant|language|bot|system|chatbot|persona', 'prompt*', 'output', 'outputs', 'input', 'inputs', 'character*', 'persona*', 'roleplay*', 'simulat*', 'assistant', 'user',
      'instructions', 'format', 'you will', 'you must', 'you are', 'you can', 'you should', 'you have to', 'you don', 'you do not',
      'from now on', 'stay', 'pretend', 'act as', 'immers*', 'mode', 'commands', 'filter*', 'censor*', 'nsfw', 'scenario', 'fictional',
      'dialogue', 'respond', 'responses', 'personality', 'rules', 'unrestricted', 'explicit', 'fictional', 'narrator',
    ],
  }),
  security('prompt_placeholder', 0.7, {
    description: 'Contains a template placeholder for the real request, as shared jailbreak prompts do',
    match: ['your|insert|enter|type|put ~2 prompt|question|request|query ~1 here', 'insert ~2 prompt|question|request|query', 'prompt ~1 here'],
  }),
  security('ai_reference', 0.3, {
    description: 'Talks to the model behind the assistant rather than to the business',
    match: ['@ai', 'language model', 'as an ai', 'chat gpt', 'large language', 'an|the|your|you|as|dear|hey|hi ~1 ai|ia', 'ai|ia ~1 model|assistant|language|bot|system|chatbot|persona'],
  }),
  security('response_shaping', 0.4, {
    description: 'Dictates how every answer must start, end or be formatted, typical of jailbreak templates',
    match: [
      'start|begin|prefix|end|precede|preface ~3 @response ~4 with|by',
      'respond|answer|reply|write ~3 in|with|using ~3 format|following|two|both|style',
      'two|2|both|second|dual ~2 different|separate ~1 @response|ways|paragraphs|personalities',
      'normal|classic|standard|default|filtered ~1 @response|mode', 'limit ~4 your ~1 @response|scope', 'format ~3 like ~1 this', 'format ~3 as follows', 'format ~2 below',
    ],
  }),
  security('hypothetical_frame', 0.2, {
    description: 'Wraps a request in a story, game or hypothetical to get around rules',
    match: ['hypothetical*', 'fictional ~2 world|universe|scenario|setting', 'imagine ~3 you|a world', 'let s ~1 play|pretend', 'game|scenario|story ~4 rules|where you'],
  }),
  security('encoded_instructions', 0.4, {
    description: 'Asks to decode and follow encoded text',
    match: ['decode|decrypt|translate ~4 base64|hex|rot13|binary|cipher|encoded ~6 follow|execute|run|obey|answer'],
  }),
  // Requests for clearly harmful help.
  security('weapons', 1, {
    description: 'Making, obtaining or using weapons, explosives, poisons or toxins',
    match: ['@make ~6 @weapon', '@weapon ~4 @make', 'mix* ~4 bleach ~4 ammonia|alcohol|vinegar|acid', 'full ~1 auto', 'car|truck|letter|pipe|dirty|nail ~1 bomb*', 'bomb ~1 threat*'],
    near: ['@ask', 'i', 'me', 'at home', 'yo', 'je', 'ich', 'eu', 'io', 'plan*', 'list', 'what', 'which', 'could', 'people'],
    within: 12,
    unless: ['@fiction', 'bath', 'balloon', 'photo', 'calorie*', 'flavor', 'flavour', 'test', 'exam', 'drink*', 'cocktail*', 'shot', 'shots', 'recipe*', 'cake', 'dessert', 'burger', 'pizza', 'seed', 'seeds', 'safe', 'safes',
      'cabinet*', 'lock', 'locks', 'holster*', 'insurance', 'toy', 'toys', 'glue', 'nail'],
  }),
  security('mass_harm_weapons', 0.7, {
    description: 'Chemical, biological, radiological and nuclear weapons',
    match: ['chemical|biological|nuclear|radiological ~1 weapon*|warfare|agent*|attack', 'nerve ~1 agent*|gas', 'bioweapon*', 'weaponi*', 'enriched ~1 uranium', 'ghost gun*'],
  }),
  security('weapon_request', 0.6, {
    description: 'Asks for help involving weapons or dangerous substances',
    match: ['@weapon'],
    near: ['@ask'],
    within: 10,
    unless: ['@fiction', 'bath', 'balloon', 'photo', 'test', 'exam', 'what is', 'what are', 'history', 'happened', 'meaning', 'drink*', 'cocktail*', 'shot', 'shots', 'recipe*', 'cake', 'dessert', 'seed', 'seeds',
      'safe', 'safes', 'cabinet*', 'lock', 'locks', 'holster*', 'insurance', 'toy', 'toys', 'glue', 'nail'],
  }),
  security('biological_harm', 1, {
    description: 'Starting outbreaks, making pathogens more dangerous, contaminating supplies',
    match: [
      'outbreak|pandemic|epidemic|plague ~3 start*|caus*|spread*|creat*|trigger*', 'start*|caus*|spread*|creat*|trigger* ~4 outbreak|pandemic|epidemic',
      'more ~2 deadly|lethal|transmissible|contagious|virulent|infectious', 'resistant ~2 to ~1 antibiotic*', 'tamper* ~4 water|food|supply|medicine|medication|drinks',
      'introduce|spread|release|contaminat* ~5 cholera|virus|pathogen*|bacteria|anthrax|disease|smallpox|ebola|salmonella|toxin*',
    ],
    unless: ['prevent*', 'protect*', 'avoid*', 'stop', 'vaccin*'],
  }),
  security('drugs', 1, {
    description: 'Making, buying or selling illegal drugs',
    match: ['@make ~3 @drug', '@drug ~3 lab|recipe|synthesis|dealer', 'deal|dealing|score|smoke ~2 @drug'],
    near: ['@ask', 'i', 'me', 'where', 'at home'],
    within: 10,
    unless: ['@fiction', 'garden', 'lawn', 'weeds', 'prescription', 'pharmacy', 'rehab', 'treatment'],
  }),
  security('violence', 1, {
    description: 'Hurting, killing or abducting people',
    match: [
      '@violent ~4 @person|@relation', '@person ~2 s ~2 skull|head|neck|body|throat|bones|eyes|face|house|car', 'off ~1 a ~1 cliff|bridge|roof|building',
      'dispose|hide ~4 body|bodies|corpse', 'dispose|hide ~4 dead ~1 @person', 'get rid ~4 body|bodies|corpse', 'do away ~1 with', 'take out ~3 president|politician|senator|@relation',
      'plan ~4 assassination|murder|death|killing|massacre', '@person ~1 s ~1 death', 'pedophil*', 'paedophil*',
    ],
    near: ['@ask', 'i', 'we', 'me', 'my', 'way', 'ways', 'plan', 'secretly', 'should'],
    within: 10,
    unless: ['@fiction', 'process', 'processes', 'command', 'task', 'thread', 'job', 'program', 'app', 'server', 'session', 'how did', 'why did', 'mean', 'meaning', 'story', 'character'],
  }),
  security('arson_and_attacks', 1, {
    description: 'Setting places on fire, bombing, destroying or attacking places and crowds',
    match: [
      'set|setting|burn|burning ~4 fire|down|ablaze|alight', 'bomb|bombing|bombs|attack|attacking|shoot|shooting|blow|destroy|demolish|obliterate|flatten|raze|annihilate|level ~4 @place',
      'mass ~1 shooting|casualt*|murder|killing', 'terroris*', 'hold*|take|taking ~3 hostage*', 'hijack* ~3 plane|flight|jet|bus|train|airliner',
    ],
    near: ['@place', '@ask', 'i', 'my', 'engage', 'commit', 'plan', 'join', 'hostage'],
    within: 8,
    unless: ['@fiction', 'photo*', 'picture*', 'video*', 'selfie*', 'footage', 'candle', 'fireplace', 'grill', 'bbq', 'barbecue', 'campfire', 'calories', 'history', 'happened', 'test', 'exam', 'interview', 'audition', 'presentation', 'fat', 'how did', 'why did'],
  }),
  security('crime', 1, {
    description: 'Committing crimes: theft, fraud, hacking, smuggling, stalking',
    match: [
      '@crime', 'scam|scamming|con|swindle|defraud ~2 @person|@relation|customers|elderly|seniors|grandparents|tourists', 'rob|robbing|mug|mugging ~3 a|the|someone|somebody|bank|store|shop|house|casino|person|people|him|her|them|@relation',
      'commit|committing ~3 @crime_noun', 'get away with', 'break|breaking ~1 into ~3 @place|@person|@relation|car|cars|safe|vault|network|system|server|computer|phone|houses|homes|shops|stores|s',
      'hack|hacking ~3 into|someone|account|email|phone|wifi|website|server|computer|network|database',
      'get ~1 into ~3 @relation|someone|somebody|their|his|her ~2 account|phone|email|house|car|computer',
      'pick ~2 lock*', 'disable|bypass|cut ~3 alarm*|camera*|cctv|security', 'without ~2 getting|being ~1 caught|detected|noticed|traced',
      'without ~2 authori*|permission|consent|detection|a trace|anyone knowing', 'illegal*|unlicensed|darknet ~4 buy|purchase|obtain|get|acquire|sell',
      'dark web', 'black market', 'chop ~1 shop*', 'tax ~1 evasion|fraud', 'evade ~2 tax*|police|law|taxes', 'fake ~1 id|ids|passport*|prescription*|documents',
      'forg* ~3 prescription*|document*|signature*|check*|cheque*', 'identity theft', 'buy|sell|selling|use|using|launder ~3 stolen',
      'without ~2 arousing|raising ~1 suspicion', 'fool|cheat|beat|trick|bypass ~3 breathalyz*|breathalys*|drug test|polygraph',
      'prevent|stop|keep ~4 from ~2 talking|reporting|telling|contacting|testifying',
    ],
    near: ['@ask', 'i', 'me', 'we', 'without'],
    within: 10,
    unless: [
      '@fiction', 'report', 'reported', 'reporting', 'victim', 'protect', 'prevent ~3 fraud|theft|scam*|hack*', 'dispute', 'refund',
      'someone|somebody|they|he|she|scammer*|fraudster*|thief|thieves|hacker*|criminals ~4 @crime|hack|hacked|hacking', '@crime|hack|hacking ~2 my|our ~1 identity|account|accounts|card|cards|money|details|data|information|password|phone|wallet|savings|funds',
      'was|were|been|got|get|has|have ~2 stolen|hacked|robbed|scammed|compromised|frozen|blocked|charged', 'show', 'base', 'spotlight', 'heart', 'hearts', 'idea', 'ideas', 'glance', 'kiss',
    ],
  }),
  security('piracy', 1, {
    description: 'Asks where to get pirated films, software or games',
    match: ['torrent*|warez|pirated|piracy|cracked ~3 site*|website*|websites|download*|movies|software|games|links|copy|copies'],
    near: ['@ask', 'i', 'me', 'where', 'list'],
    within: 10,
  }),
  security('cyber_attack', 1, {
    description: 'Writing malware or exploits, hacking accounts and systems',
    match: ['@cyber', 'sql ~1 injection', 'cross site scripting', 'buffer overflow', 'privilege escalation', 'reverse shell', 'zero day', 'credential stuffing', 'brute ~1 forc*', 'denial ~2 service', 'vulnerab*', 'amplification', 'deface*'],
    near: ['write', 'create', 'make', 'build', 'develop', 'generate', 'code', 'launch', 'run', 'perform', 'conduct', 'craft', 'design', 'deploy', 'use', 'using', 'how', 'give', 'script', 'program', 'against', 'exploit*', 'evade', 'instructions'],
    within: 10,
    unless: ['report', 'reported', 'received', 'got', 'protect', 'avoid', 'prevent', 'scan', 'flu', 'covid', 'patch*', 'fix*', 'spot', 'recogni*', 'identify', 'detect', 'signs', 'tell if', 'is this', 'was this', 'fell for'],
  }),
  security('malicious_code', 1, {
    description: 'Asks for code whose purpose is abuse',
    match: ['write|create|generate|develop|give|make ~4 code|script|program|bot|software|tool|function'],
    near: ['@harm_cue', 'multiple ~1 accounts', 'fake ~1 accounts', 'mine ~2 crypto*|bitcoin'],
    within: 12,
  }),
  security('harmful_content', 1, {
    description: 'Asks for persuasive, hateful, explicit or harassing content',
    match: [
      '@harmful_text ~3 @text_kind|threat|threats|note', 'write|create|generate|compose|draft|produce|give ~5 @text_kind ~4 arguing|claiming|suggesting|denying|promot*|glorif*|encourag*|convinc*|persuad*|posing|bull*|harass*|mock*|demean*|threat*|insult*|humiliat*|coerc*|urging|defam*|incit*',
      'generate|write|create ~3 text|content|message|insults|jokes ~4 bull*|harass*|insult*|mock*|demean*|threat*|humiliat*',
      'write|create|generate|compose|draft ~6 that|which ~3 promot*|glorif*|encourag*|incit*|justif*|deni*|trivializ*',
    ],
  }),
  security('manipulation', 1, {
    description: 'Coercing, grooming, blackmailing or manipulating people',
    match: [
      'coerc*|blackmail*|extort*|gaslight*|groom|grooming|manipulat* ~6 @person|into|someone|partner|child|secretary|employee',
      'convince|persuade|trick|pressure ~4 @person|teenager|child|friend|children|kids|someone ~6 to|into ~3 share|send|give|use|try|take|eat|drink|huff|join|sharing',
    ],
    near: ['@ask', 'write', 'message', 'email', 'how'],
    within: 12,
  }),
  security('sexual_exploitation', 1, {
    description: 'Sexual content involving minors, or without consent',
    match: [
      'sexual*|explicit|nude*|naked|porn*|erotic*|intimate ~5 child*|minor*|kid*|teen*|underage|young ~1 girl*|boy*|students|preteen',
      'child*|minor*|underage ~3 porn*|sexual*|explicit|nude*', 'csam', 'rape', 'raping', 'revenge porn',
      'explicit|intimate|nude ~2 images|photos|pictures|videos ~4 share|sharing|send|coerc*|without', 'graphic*|gory|gruesome ~1 detail*', 'detail* ~2 graphic*|gory|gruesome',
    ],
    near: ['@ask', 'i', 'me', 'write', 'get away'],
    within: 12,
  }),
  security('self_harm', 1, {
    description: 'Asks how to self-harm or end one\'s life',
    match: [
      'sever|cut|slit|pierce|slice ~4 artery|arteries|wrist*|vein*', 'die|dying|end ~3 like', 'go out like','kill|hurt|harm|cut|starve|hang|shoot|poison|drown|overdose ~2 myself', 'commit|committing ~1 suicide', 'end|take ~2 my ~1 own ~1 life', 'suicide ~1 method*|ways|pact', 'lethal ~1 dose', 'overdose ~3 on'],
    near: ['@ask', 'want', 'going', 'easiest', 'painless', 'quickest', 'fastest'],
    within: 8,
  }),
  security('privacy_invasion', 1, {
    description: 'Asks for another person\'s private data or accounts',
    match: ['@relation ~1 s ~3 @private_data', 'how much ~3 @relation ~2 earn|earns|make|makes|paid|salary', 'spy ~2 on', 'track|tracking ~3 location|phone|whereabouts ~3 without', 'read|access ~3 @relation ~1 s ~3 messages|texts|emails|phone|account'],
    near: ['@ask', 'what', 'whats', 'get', 'find', 'access', 'know', 'exactly', 'read'],
    within: 8,
    unless: ['@fiction', 'card', 'account ~1 for', 'add', 'transfer*', 'joint', 'payment', 'pay', 'update*', 'chang*', 'payee*', 'beneficiar*', 'send'],
  }),
  security('hate_and_discrimination', 1, {
    description: 'Argues that a group of people should lose rights, or praises atrocities',
    match: [
      'why|should|best ~8 @group ~8 not ~2 be|have ~2 @exclude', 'why|should ~8 @group ~8 be ~2 @exclude', 'why ~1 should|is ~6 @group ~6 not|discriminat*|segregat*|extra|denied|barred|banned|excluded',
      'why ~1 was|were ~8 justified|deserved', 'why ~1 was|were ~8 good|great|positive ~1 thing', 'repeat|replicate|recreate|copy ~6 @atrocity', '@group ~3 are ~3 inferior|subhuman|animals|vermin|parasites|stupid|criminals|evil',
      '@justify ~4 of|to|about ~3 @atrocity', '@atrocity ~6 @deny', 'why ~2 was|were|is ~6 right|justified ~3 to',
      'show|prove|argue|demonstrate ~3 that ~6 @atrocity', 'eradicate|exterminate|eliminate ~3 @group', 'wipe out ~2 @group|humanity', 'get rid of ~2 @group',
    ],
    unless: ['mean', 'meaning', 'definition', 'define', 'films', 'movie', 'breathe', 'float', 'fly', 'teleport', 'levitate', 'invisible', 'read minds', 'walls', 'space', 'underwater', 'telepath*', 'photosynthesis*', 'lava', 'sun'],
  }),
];
