// Common given names across the languages our customers write in, hand-written and accent-free (compared
// with folded words, so "José" matches "jose"). Names that are also everyday English words or places are
// left out on purpose (Will, May, Mark, Bill, Grace, Hope, Jordan, Georgia, Austin…): a capitalised "Will"
// at the start of a question is not a person. A name missing here is still found through cues ("my name
// is", "Mrs."), so the list only has to cover the frequent ones.

const NAMES = `
  aaron abigail ada adam adele adrian adriana adrienne agnes ahmed ahmad aidan aiden aileen aisha alan alana
  albert alberto alejandra alejandro alex alexander alexandra alexandre alexandros alexei alexey alexis
  alfie alfred alfredo ali alice alicia alina alison alistair allan allison alma alvaro amanda amber amelia
  amelie amir amira amit amy ana anastasia anders andre andrea andreas andrei andres andrew andrey andrzej
  andy angel angela angelica angelika angelo anita anja ann anna annabel annabelle anne anneli annette annie
  anthony antoine anton antonia antonio arash archie ariana arianna arne arnold arthur arturo arvid
  asha ashley astrid audrey augusto aurelie ava axel aylin ayse

  barbara barry bartosz basil beata beatrice beatriz becky belinda ben benedikt benjamin benoit bernadette
  bernard bernd bertrand beth bethany betty beverly bianca birgit birgitta bjorn blake bob bobby bogdan
  boris brad bradley brandon brenda brendan brian bridget brigitte britt brittany bruce bruno bryan
  bryce
  caitlin caitlyn callum camila camilla camille candice cara carina carl carla carlo carlos carmen carol
  caroline carolyn carsten casper cassandra catalina caterina catherine cecile cecilia celine charles
  charlie charlotte cheryl chiara chloe chris christa christian christina christine christoph
  christophe christopher cindy claire clara clarissa claudia claudio claus clemens clement colin connor
  conor constance cora cornelia craig cristian cristina curtis cynthia

  daan dagmar daisy damian dan dana daniel daniela daniele danielle danny daria darius darko darren
  dave david dawid dean debbie deborah declan deirdre denis denise dennis derek desmond diana diane diego
  dimitri dimitrios dina dirk dmitri dmitry dolores dominic dominik dominika donald donna doris dorota
  dorothy douglas duncan dusan dylan

  ebba eddie edgar edith edmund edoardo eduardo edward edwin eileen einar eleanor elena eleni eli elias
  elif elijah elin elisa elisabeth elise eliza elizabeth ella ellen ellie elliot elodie eloise elsa emil
  emilia emilie emilio emily emma emmanuel enrico enrique enzo eric erica erik erika erin ernest ernesto
  esther ethan eugene eva evan evangelos evelyn ewa

  fabian fabio fabrice farah fatima federica federico felipe felix ferdinand fernanda fernando filip
  filippo finn fiona flora florian francesca francesco francis francisco franco francois frank
  franz fred freddie freddy frederic frederick frederik freya frida fritz

  gabor gabriel gabriela gabriele gabrielle gareth gary gaston gavin gemma geoffrey george georg georgios
  gerald gerard gerhard gert gianluca gianni gilbert gillian gina giorgio giovanni gisela giulia giulio
  giuseppe gloria gordon graham greg gregor gregory greta gudrun guido guillaume gunnar gunther gustav
  gustavo

  hakan hamza hana hannah hanna hannes hans harald harold harriet harry harvey hassan hayley heather hector
  heidi heike heinrich heinz helen helena helga helmut hendrik henri henrik henrietta henry herbert hilda
  hilde holger holly howard hubert hugh hugo hussein

  ian ibrahim ida igor ilona ilse imogen ines inga inge ingrid irene irina iris isaac isabel isabella
  isabelle isak ismail ivan ivana ivy

  jack jacob jacqueline jacques jade jaime jake jakob jakub james jamie jan jana jane janet janice janina
  janne jannik janusz jaroslav jasmine jason javier jayden jean jeanette jeanne jeff jeffrey jelena jemima
  jennifer jenny jens jeremy jerome jerzy jess jesse jessica jesus jill jim jimmy jiri joachim joan joanna
  joao joaquin jocelyn jochen joe joel johan johann johanna johannes john johnny jon jonas jonathan jorge
  jorgen jose josef josefine joseph josephine josh joshua josip jozef juan judith judy jules julia julian
  juliana julie julien juliet juliette julio julius jurgen justin justine

  kai kamil karen kari karin karina karl karla karolina kasper katarina katarzyna kate katharina katherine
  kathleen kathryn kathy katie katja katrin katrina kay keith kelly ken kenji kenneth kerstin kevin khalid
  kieran kim kimberly kirsten kirsty klaus klara konrad konstantin konstantinos kristian kristin kristina
  krzysztof kurt kyle

  lara lars laszlo laura lauren laurence laurent lea leah lee leif lena leo leon leonard leonardo leonie
  leopold lewis liam lidia lilian liliana lily lina linda lindsay lisa liv livia liz lizzie logan lorena
  lorenzo lotte louis louisa louise luc luca lucas lucia luciana lucie lucy ludwig luis luisa luka lukas
  lukasz luke luna lydia lynn

  maaike madeleine magda magdalena maggie magnus maja malcolm malgorzata manon manuel manuela marc marcel
  marcello marco marcus marek margaret margarita margot maria mariana marianne marie marina mario marion
  marisa marius marjorie markus marlene marta martha martin martina marvin mary maryam mateo mateus
  matheus mathias mathieu mathilde matilda matt matteo matthew matthias mattias maura maureen maurice
  mauricio mauro maxim maxime maximilian megan mehmet melanie melissa mette mia michael michaela michal
  michel michela michele michelle miguel mikael mike mikhail mikkel mila milan milena miriam mohamed
  mohammad mohammed moira monica monika moritz muhammad murat mustafa

  nadia nadine naomi natalia natalie natasha nathalie nathan neil nicholas nicola nicolas nicole niels
  nigel nikita niklas nikola nikolai nikolaos nils nina noah noel noemi nora norbert norma nuno

  oksana olaf ole oleg olga oliver olivia olivier omar oscar oskar otto owen

  pablo paola pascal pascale patricia patrick patrik paul paula pauline pavel pawel pedro per petar peter
  petr petra philip philipp philippa philippe phoebe pierre piotr pia polly priscilla

  rachel rafael rafal raffaele rahul raimund rainer ralf ralph ramon randy raphael rasmus raul rebecca
  regina reinhard rene renata renate ricardo riccardo richard rita rob robert roberta roberto robin roger
  roland rolf roman romain ronald rory rosa rosalind rosemary ross ruben rudolf rupert ruth ryan

  sabine sabrina sally salvatore sam samantha samir samuel sandra sandro sanna sara sarah sascha sean
  sebastian sebastien selma serena sergei sergey sergio seth shane shannon sharon sheila shirley sibylle
  sigrid silvia simon simone sina siobhan sofia sofie solveig sonia sonja sophia sophie stanislav stefan
  stefania stefanie stefano stella stephan stephanie stephen steve steven stuart susan susanne suzanne sven
  svetlana sylvia sylvie

  tamara tanja tanya tatiana teresa terry thea theo theodor theresa thomas thorsten tiago tim timo timothy
  tina tobias toby todd tom tomas tomasz tommaso toni tony tor torben tracy travis trevor tristan troy

  ulla ulrich ulrike ursula uwe

  valentina valentin valeria valerie vanessa vera veronica veronika vicky victor viktor viktoria
  vincent vincenzo viola violet virginie vivian vladimir

  walter wanda wendy werner wilhelm william willem wojciech wolfgang

  xavier xenia yannick yasmin yara yusuf yvette yvonne zachary zainab zara zoe zofia zoltan zuzana

  aino aleksander aleksandra aleksi alessandro alessia anneke antti arjen astrid bente birte bram britta
  dorthe eero eirik elna emeline esko fredrik frej gerrit gunhild halvor hanne harri heikki helmi hjalmar
  inger ingvar jesper joakim jorunn jukka juha kaija kalle karoliina kasimir kerttu kirsi knud lasse lauri
  leena liisa linnea lone marit marjut markku matti mervi mika mikko minna mona morten nanna niko noora
  oddvar olli paivi pekka pernille petteri pirjo raili riikka ritva sanni seppo sigurd sini sindre
  solvi stig susanna tarja teemu terhi tiina tomi torbjorn torsten tove tuomas tuula ulf valtteri veikko
  ville vilma
  anzhela boguslaw bozena czeslaw danuta dariusz dorota elzbieta grazyna grzegorz halina henryk irena
  jadwiga jaroslaw jolanta justyna kazimierz krystyna leszek maciej mariusz miroslaw mieczyslaw renata
  ryszard slawomir stanislaw tadeusz teodor urszula wieslaw wiktor wladyslaw zbigniew zdzislaw
  ales bohumil bozidar branko dragan dragana drazen goran gordana hrvoje ivica jovan jovana ljubica
  marija marijana milica milos miroslav mladen nenad radovan sanja slavko snezana srdjan tatjana tomislav
  vesna zdravko zeljko zoran
  alena blanka dagmara eliska hana ivona jarmila jitka lenka ludmila marketa miluse vaclav vlasta zdenek
  zdenka
  agnes csaba erzsebet ferenc gyorgy ildiko imre istvan janos jozsef katalin krisztina laszlo matyas
  peter sandor tibor zsofia zsolt zsuzsanna
  anastasios athanasios christos dimitra eleftheria ioanna ioannis konstantina panagiotis
  spyros stavros vasiliki vasilis yannis
  alexandr anatoly andrei boris dmitrii ekaterina evgeny evgenia galina gennady ilya kirill larisa
  lyudmila maksim marina nadezhda natalya oleksandr oleksiy olena pyotr ruslan sergiy svetlana taras
  tatyana valentin valery vasily viktor vitaly vladislav yaroslav yekaterina yelena yevgeny yulia yuri
  yury
  adriano agostino alberta aldo alessio ambra beniamino carmela cesare concetta donatella elio emanuele
  ettore fabrizio filomena gaetano gennaro giacomo gianfranco gino giovanna girolamo graziella ilaria
  letizia loredana luciano luigi marcella massimo maurizio nunzia ottavio piero pietro raimondo renzo
  rocco rosaria sabrina sergio silvio simona teodoro tiziana ugo umberto vittoria vittorio
  agustin alfonso almudena amparo anibal araceli beatriz consuelo dario encarnacion esperanza esteban
  eugenia fidel florencia francisca gonzalo guadalupe guillermo hernan ignacio inmaculada isidro jacinto
  jimena joaquina leandro leticia lorenzo lourdes lucas marcelo milagros montserrat nicolas
  nieves pilar rodrigo rocio rogelio soledad teodoro valentin ximena
  afonso antonia benedita conceicao diogo domingos fabiana felisberta goncalo heloisa
  joaquim leonor luana manoel marcia matilde raimundo rogerio severino sebastiao thiago vitoria
  adrien alain amandine anais annick antoinette apolline arnaud aurelien baptiste benedicte brigitte
  chantal christelle clementine colette corinne cyril delphine didier dominique eloise estelle etienne
  fabienne florent francoise frederique gaelle genevieve gerard gilles helene herve hugues jacqueline
  jerome josiane jocelyne laetitia lionel lucien marcelle martine maximilien mireille monique nadege
  noelle odette odile pascaline regis remi rene sandrine serge severine solange thibault thierry valentine
  yann yves
  aafke anouk bas bastiaan cees daantje dirkje els fenna gijs hendrika henk jaap joost joris kees
  klaas lieke maarten marloes niek pieter roel ruud sander sanne stijn teun thijs wouter
  alois anneliese bernhard burkhard detlef dieter egon elfriede elke erich erwin friedrich gerda gertrud
  gottfried gunter hannelore hartmut heiko hildegard horst ilse irmgard jorg karsten klara liselotte
  lothar manfred margit marianne mechthild rudiger sieglinde siegfried ute volker waltraud wiebke
  aleksandar anders arnar asdis bjarni einar elin gudmundur gudrun halldor helgi hrafn ingibjorg jon
  kristjan olafur ragnar ragnheidur sigridur sigurdur solveig thora
  aarav abhishek aditi aditya ajay akash amit ananya anil anjali arjun arun deepak deepika divya gaurav
  kavya krishna lakshmi manoj neha nikhil pooja pradeep prakash priya rajesh rakesh ravi rohan rohit
  sanjay shreya sunil suresh vijay vikram vivek
  aiko akira akiko asuka ayaka daiki emi haruka haruto hiroko hiroshi hitomi kaito kazuki keiko kenta
  koji kumiko mai mariko megumi misaki naoko naomi ren riku ryo sakura satoshi shota sota takashi
  takeshi takumi tomoko yoko yoshiko yuki yuko yumi yuna yusuke yuto
  chen fang hui jing lei li lin ling mei ming qiang tao wei xin xiu yan ying yong
  ahmet ayse burak cem deniz elif emine emre fatma hakan hatice huseyin ibrahim kemal mehmet meryem
  merve murat ozlem selin serkan tolga zeynep
  abdullah adel ali amina fatemeh hassan hussein jamal karim khadija layla leila mahmoud malik mariam
  nabil nour omar rami rania reza salma sami samira tariq yasmin youssef zahra
`;

export const GIVEN_NAMES: ReadonlySet<string> = new Set(NAMES.trim().split(/\s+/));
