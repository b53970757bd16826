// The roadmap content of the GDI-Programmeringsplan 2025, transcribed from
// docs/sources/gdi-programmeringsplan-2025.txt (the text extracted from the published PDF):
//   - opgaven: every "Opgave Activiteit" table: the generic opgaven (Inleiding › Opgavegericht werken en
//     activiteiten) and the table of each "Domein X concreet in 2025"; one string per "•" bullet;
//   - roadmapActions: every bulleted item of each domain's "Actieplan met mijlpalen en ontwikkelingen"
//     on the horizons Concreet 0-2 jaar, Zicht op 3-4 jaar and Bestemming 5-6 jaar ("Concreet 02 jaar",
//     "Zicht op 34 jaar" in the extracted text, which drops the dash), with the numbered goal it sits
//     under (only Interactie names goals) and a target year where the item itself sets one;
//   - priorities: the ten "domeinoverstijgende prioriteiten", without their numbers and list punctuation;
//   - programmes: the lists "Welke programma's en projecten werken hier(aan)...?" (Interactie, Toegang,
//     Gegevensuitwisseling; the Infrastructuur chapter has no such list).
// The text holds no other horizon sections: the "Meerjarenplanning" named in the table of contents is
// not in the extracted text.
//
// How it was made and reviewed: each table and list was read against the numbered source text
// (`sed -n 'A,Bp'`), bullet by bullet, deciding for each right-column bullet which left-column opgave it
// belongs to (in the flattened text a row's opgave name comes before its bullets; the Interactie opgave
// "Bestaande portalen ..." continues after a page break under "Vervolg" and is one opgave with one range).
// roadmap.test.ts holds every text against its source range (whitespace-normalised), checks that every
// "•" bullet of each opgave table, horizon section and programme list is the start of exactly one item,
// and that each source range starts and ends where its text does, so a slip makes it fail.
//
// Text conventions:
//   - PDF line breaks are joined with one space, except where the extracted line has no trailing space
//     before the break and the word goes on (a hyphenated compound or a word whose hyphen the extraction
//     dropped): "AI-technologieën", "publiek-private", "eIDAS-verordening", "ondernemersgebeurtenissen".
//   - Otherwise texts are kept as extracted, including the extraction's dropped hyphens and the plan's
//     own slips ("GDIdienstverlening", "publiekprivate", "bedrijfs gebeurtenissen", "GDI- landschap",
//     "Singel Digital Gateway"), so that each stays findable in the source.
//   - Sub-bullets ("- ...") are appended to their bullet, joined with a space and without the dash
//     ("Doorontwikkeling Overheid.nl: Informatie en diensten ... vindbaar maken; Overheid.nl ...").
//   - Boxed news stories (e.g. "Vijf informatiecategorieën openbaar onder de Wet open overheid (Woo)"),
//     page headers and introductory paragraphs are not roadmap content and are left out.
//
// Judgements (see also roadmap.test.ts):
//   - Infrastructuur's table has bulleted opgaven in its left column. Its second row holds two bullets,
//     "Toekomst Cloud/ODC’s" and "Soevereine cloud/ generieke (public) cloudtoegang ...", printed together
//     before that row's activities: kept as one opgave whose name joins both with "; ". The last row,
//     "• Europa • Inzicht krijgen ...", has the opgave and its first activity on one line.
//   - The Gegevensuitwisseling and Infrastructuur action plans open with bullets under "De komende jaren
//     werken we (op het gebied van data) aan:" (lines 1837-1875, 2341-2376) that sit on no horizon; they
//     are not roadmapActions (a PlanRoadmapAction needs a horizon).
//   - Goals: Interactie names two numbered doelstellingen; its "Bestemming 5 – 6 jaar" follows the second
//     and is given that goal. Toegang's horizons follow the paragraph "Machtigen en Vertegenwoordigen",
//     but the items cover the whole domain (eHerkenning, EDI-wallet, Stelsel Toegang), so no goal ('').
//   - targetYear: only a year the item sets for itself, e.g. "(2027)". Where one bullet's sub-bullets name
//     several years ("Standaarden: ... (2025); ... (2026); ... (2026)") the latest is taken. Not a target:
//     "in 2024 is uitgerold" (history) and "Het langetermijnperspectief (2029-2030)" (the horizon itself).
import type { Domain, DomainOrGeneriek, Horizon } from '../domain.ts';
import type { PlanOpgave, PlanRoadmapAction, SourceRef } from './types.ts';

function src(section: string, from: number, to: number = from): SourceRef {
  return { section, lines: [from, to] };
}

const GENERIEKE_OPGAVEN = 'Inleiding › Opgavegericht werken en activiteiten › Generieke opgaven';
const opgavenSection = (domain: Domain): string =>
  `Domein ${domain} › Domein ${domain} concreet in 2025 › Opgaven en activiteiten`;

const HORIZON_HEADINGS: Readonly<Record<Horizon, string>> = {
  '0-2': 'Concreet 0-2 jaar',
  '3-4': 'Zicht op 3-4 jaar',
  '5-6': 'Bestemming 5-6 jaar',
};

const PROGRAMME_HEADINGS: Readonly<Partial<Record<Domain, string>>> = {
  Interactie: 'Welke programma’s en projecten werken hier nu aan?',
  Toegang: 'Welke programma’s en projecten werken hieraan?',
  Gegevensuitwisseling: 'Welke programma’s en projecten werken nu aan deze opgave?',
};
const programmesSection = (domain: Domain): string => `Domein ${domain} › ${PROGRAMME_HEADINGS[domain] ?? ''}`;

function action(
  domain: Domain,
  goal: string,
  horizon: Horizon,
  from: number,
  to: number,
  targetYear: number | null,
  text: string,
): PlanRoadmapAction {
  return {
    domain,
    goal,
    horizon,
    text,
    targetYear,
    source: src(`Domein ${domain} › Actieplan › ${HORIZON_HEADINGS[horizon]}`, from, to),
  };
}

/** Interactie, Actieplan, doelstelling 1 (lines 870-872). */
const INTERACTIE_GOAL_1 =
  'Het bieden van de 1Overheidsbeleving, door de overheidsbrede overheidsinformatie en -diensten meer vanuit de leefwereld van mensen te organiseren';
/** Interactie, Actieplan, doelstelling 2 (lines 911-912). */
const INTERACTIE_GOAL_2 = 'Het bieden van hoogwaardige dienstverlening en informatievoorziening';

export const opgaven: readonly PlanOpgave[] = [
  // Generieke opgaven (Inleiding › Opgavegericht werken en activiteiten), lines 350-403.
  {
    domain: 'Generiek',
    opgave: 'Het stimuleren van het gebruik van de GDI',
    activities: [
      'In beeld brengen van de factoren waardoor het gebruik van de GDI-bouwstenen achterblijft (door dienstverleners en eindgebruikers) en de instrumenten om het gebruik te vergroten.',
      'Wegnemen van knelpunten die gebruik tegenhouden.',
    ],
    source: src(GENERIEKE_OPGAVEN, 352, 364),
  },
  {
    domain: 'Generiek',
    opgave: 'Onderzoek naar het opschalen van sectorale voorzieningen naar een generieke voorziening',
    activities: [
      'Inventarisatie van sectorale bouwstenen die gemeenschappelijk kunnen worden ingezet en opgenomen kunnen worden in de GDI.',
    ],
    source: src(GENERIEKE_OPGAVEN, 366, 377),
  },
  {
    domain: 'Generiek',
    opgave: 'Bevorderen van het werken op basis van architectuur',
    activities: [
      'Opstellen van domeinarchitecturen en versterken van de relatie tussen domeinarchitecturen en programmering die de basis vormen voor doelarchitecturen van programma’s en projecten.',
      'Toets op doel- en projectstartarchitecturen.',
      'Architectuurtoets op vernieuwingsvoorstellen.',
    ],
    source: src(GENERIEKE_OPGAVEN, 379, 394),
  },
  {
    domain: 'Generiek',
    opgave: 'Make or Buy? Ontwikkelen we alles zelf, of kopen we ook in uit de markt?',
    activities: [
      'Uitvoeren verkenning naar de mogelijkheden.',
    ],
    source: src(GENERIEKE_OPGAVEN, 396, 403),
  },
  // Domein Interactie concreet in 2025: the "Opgave Activiteit" table.
  {
    domain: 'Interactie',
    opgave: 'Ontwikkeling van proactieve dienstverlening vanuit het perspectief van de burger/ondernemer aan de hand van levens en ondernemersgebeurtenissen',
    activities: [
      'Operationaliseren van proactieve dienstverlening op basis van de verkenningen, onderzoeken en pilots uitgevoerd in 2024. Gericht op de realisatie en toepassing van bouwstenen en de interbestuurlijke afstemming.',
      'Uitvoeren van verkenningen en uitwerkingen om de evolutie van aanvragen van informatie naar het proactief aanreiken van gerichte informatie te concretiseren in meerjarige stappen (in een roadmap).',
      'Signaleren en inkomensondersteuning, bijvoorbeeld met een persoonlijk digitaal regelingenoverzicht (PDR).',
      'Bieden van informatie in samenhang over publieke dienstverlening aan de hand van levensgebeurtenissen via een portaal (Overheid.nl).',
      'Verkenning van de mogelijkheden met AI in de informatievoorziening en dienstverlening (bijvoorbeeld via Large Language Models).',
      'Uitwerking van een levensgebeurtenis in het ondernemersdomein (overlijden van een ondernemer), waarbij parallellen met het burgerdomein in beeld worden gebracht. Met aandacht voor semantische operabiliteit.',
      'Uitwerking samen met de domeinen Toegang en Gegevensuitwisseling.',
    ],
    source: src(opgavenSection('Interactie'), 1009, 1035),
  },
  {
    domain: 'Interactie',
    opgave: 'Bestaande portalen beter vormgeven vanuit de 1Overheid beleving en de (digitale) loketfunctie van de overheid',
    activities: [
      'Het stapsgewijs (door-)ontwikkelen van bestaande overheidsbrede portalen (zoals Overheid.nl, MijnOverheid, Ondernemersplein en MijnOverheid voor Ondernemers) tot één samenhangende wegwijzer in het overheidslandschap. Een wegwijzer die burgers en ondernemers op een uniforme wijze leidt naar de voor hen relevante dienstverlening.',
      'Doorontwikkeling Overheid.nl: Informatie en diensten op overheid.nl beter vindbaar maken; Overheid.nl volgens de nieuwe Rijkshuisstijl vormgeven; Generieke zoek- en feedbackfuncties toevoegen; Het integreren van de levensgebeurtenissen.',
      'Doorontwikkeling MijnOverheid: Meertaligheid garanderen; Een geïntegreerde app ontwikkelen; Ontsluiten van nieuwe bronnen zoals het protocolleringsoverzicht BRP, en het toestemmingsformulier reizen met minderjarigen.',
      '(Door-)ontwikkelen overheidsbrede interactieservices: bij onder andere gemeenten ontwikkelde interactieservices (door-)ontwikkelen zodat die aansluiten op MijnOverheid. Denk hierbij aan MijnZaken en MijnTaken.',
      'Ontwikkelen MijnOverheid voor Ondernemers.',
      'Vernieuwing Berichtenbox voor Bedrijven: mogelijk maken om overheidsbreed en grootschalig berichten te versturen naar ondernemers.',
      'Mensen helpen op de kanalen die voor hen relevant zijn met een omnichannel-benadering.',
      'Als overheid gevoelig blijven voor digitale ontwikkelingen om zoveel mogelijk aan te sluiten bij de leefwereld van mensen. Bijvoorbeeld door gebruik te maken van de ontwikkelingen in sociale media, nieuwe AI-technologieën als Large Language Models (LLM) en de Wallet.',
      'Zorgen voor een basis die op orde is en dat medeoverheden daadwerkelijk aansluiten op GDI-voorzieningen.',
      'Medeoverheden ondersteunen met hun digitaliseringsslag nodig om overheidsbrede services te kunnen bieden.',
      'Periodiek geïnformeerd worden over de programma’s: MijnOverheid voor Ondernemers; Doorontwikkeling MijnOverheid incl. generieke services; Vernieuwing Berichtenbox voor Ondernemers.',
      'Met als doel inbreng vanuit verschillende perspectieven vanuit de leden van de Programmeringstafel, samenhang benoemen, commitment verkrijgen, etc.',
    ],
    source: src(opgavenSection('Interactie'), 1037, 1094),
  },
  {
    domain: 'Interactie',
    opgave: 'Burgers en ondernemers laten weten wat zij kunnen doen in reactie op meldingen van de overheid',
    activities: [
      'Het bieden van handelingsperspectief aan burgers en ondernemers naar aanleiding van communicatie vanuit de overheid bij een gewijzigde situatie van burger of ondernemer.',
      'De burger/ondernemer informeren over de actie die hij moet of kan uitvoeren naar aanleiding van communicatie met de overheid: een vergunning aanvragen, aanvullende informatie verstrekken, of bij een levensgebeurtenis zoals een overlijden.',
      'De proactieve overheidsberichtgeving maakt duidelijk welke handelingen op welk moment uitgevoerd moeten worden.',
    ],
    source: src(opgavenSection('Interactie'), 1096, 1110),
  },
  {
    domain: 'Interactie',
    opgave: 'Ontwikkelen van standaarden voor publieke dienstverlening',
    activities: [
      'Operationaliseren van de architectuur Interactie: van voorzieningen naar afspraken en standaarden.',
      'Het mogelijk maken van een bepaalde standaardisatie in vormgeving met het NL Design System.',
      'Implementeren nieuwe Rijkshuisstijl in het NL Design System, en deze toepassen op Overheid.nl.',
      'Standaarden als TOOI en Samenwerkende Catalogi implementeren in GDI-voorzieningen en aanmelden bij het Forum Standaardisatie.',
      'Ontwikkeling van overheidsbreed signaalmanagement en uitrol van een overheidsbrede bouwsteen om feedbackmogelijkheden voor mensen te vereenvoudigen. Kennisnemen en verbreden van kennis om te komen tot semantische interoperabiliteit en wetsanalyse.',
    ],
    source: src(opgavenSection('Interactie'), 1112, 1125),
  },
  {
    domain: 'Interactie',
    opgave: 'Ontwikkeling verbeterde feedbackfunctie',
    activities: [
      'Bevorderen samenwerking en zoveel mogelijk een uniforme werkwijze toepassen, zodat burgers en ondernemers feedback kunnen geven over informatie op de portalen.',
    ],
    source: src(opgavenSection('Interactie'), 1127, 1131),
  },
  {
    domain: 'Interactie',
    opgave: 'Betere digitale uitrusting voor baliemedewerkers als bij de dienstverlening meerdere dienstverleners zijn betrokken',
    activities: [
      'Inventariseren en opschalen van succesvolle activiteiten, bijvoorbeeld projecten gefinancierd vanuit het Innovatiebudget zoals MijnZaken.',
      'Ontwikkelen digitaal dossier overheidsbrede loketten.',
    ],
    source: src(opgavenSection('Interactie'), 1133, 1142),
  },
  // Domein Toegang concreet in 2025: the "Opgave Activiteit" table.
  {
    domain: 'Toegang',
    opgave: 'Realiseren van Stelsel Toegang. Ook voor restgroepen, vertegenwoordigen en machtigen (vrijwillig, wettelijk, fysiek, nabestaande, ondernemers: mandatering)',
    activities: [
      'Beschikbaar maken van Single Sign On.',
      'Functionaliteiten voor restgroepen in burger en bedrijvendomein uitgewerkt.',
      'Aansluiten bij voorgesteld onderzoek naar oplossingsrichtingen restgroepen bedrijvendomein (Forum Standaardisatie).',
      'Publiek middel zakelijk beschikbaar maken.',
      'Onderzoek machtigingsfunctionaliteiten in het stelsel afgerond.',
      'Aansluitschema beschikbaar stellen: de componenten van het Stelsel Toegang zijn stabiel, voor dienstverleners is duidelijk op welke componenten wanneer aangesloten kan worden.',
      'Versnelling: bewindsvoering grote uitvoeringsorganisaties direct koppelen.',
      'Stimuleren gebruik DigiD en eHerkenning op betrouwbaarheidsniveau ‘substantieel’ en ‘hoog’ en randvoorwaarden hiervoor uitgewerkt en gerealiseerd.',
    ],
    source: src(opgavenSection('Toegang'), 1585, 1603),
  },
  {
    domain: 'Toegang',
    opgave: 'Het opleveren van een publieke routeringsvoorziening',
    activities: [
      'Opname van TVS in de GDI en de mogelijkheid om aan te sluiten via ICT-leverancier of via eigen aansluiting.',
    ],
    source: src(opgavenSection('Toegang'), 1605, 1609),
  },
  {
    domain: 'Toegang',
    opgave: 'Het opleveren van een Wallet door de Nederlandse overheid conform de eIDAS Verordening',
    activities: [
      'Het organiseren van de aansluiting van de Wallet binnen het stelsel Toegang.',
      'Stelselontwikkeling Wallet.',
      'Machtigings- en vertegenwoordigingsfunctionaliteiten binnen de Wallet met aandacht voor de betrouwbaarheidsniveaus.',
      'Verkenning beschikbaarheid en toepassing e-handtekening en e-zegels (voor documenten).',
      'Randvoorwaarden voor gebruik Wallet invullen (in geval geen NL-rijbewijs en NL-paspoort en procedure PIN reset).',
      'Aandacht voor de andere aspecten van de verordening, mogelijk samen met domein Gegevensuitwisseling.',
    ],
    source: src(opgavenSection('Toegang'), 1611, 1626),
  },
  // Domein Gegevensuitwisseling concreet in 2025: the "Opgave Activiteit" table.
  {
    domain: 'Gegevensuitwisseling',
    opgave: 'Zorgen dat de GDIdienstverlening altijd beschikbaar en veilig is',
    activities: [
      'Voor de bestaande GDI-bouwstenen worden reguliere beheer en exploitatie-activiteiten uitgevoerd. Ook worden ze doorontwikkeld en voor breder gebruik ingezet. Dankzij de dienstverlening rond de bestaande GDI-bouwstenen kunnen gegevens veilig, betrouwbaar en gestandaardiseerd worden uitgewisseld tussen overheden, burgers en bedrijven.',
    ],
    source: src(opgavenSection('Gegevensuitwisseling'), 2036, 2042),
  },
  {
    domain: 'Gegevensuitwisseling',
    opgave: 'Het ontwikkelen en beschikbaar stellen van open source bouwstenen die nodig zijn om het verantwoord delen van data tussen overheidsorganisaties en met private instellingen mogelijk te maken conform de inrichting en uitgangspunten van het Federatief Datastelsel',
    activities: [
      'Bestaande infrastructuurvoorzieningen verbeteren en passend maken in een systeem gebaseerd op bindende normen en afspraken. Het hergebruik van bestaande (Europese) oplossingen heeft de voorkeur.',
      'Streven naar bredere adoptie van de bestaande GDI-standaarden.',
      'Bouwsteen eDelivery: we werken een casus uit om de mogelijkheden van eDelivery te verkennen. Dit is een interface waarmee gegevens kunnen worden uitgewisseld met Europese overheidsorganisaties.',
    ],
    source: src(opgavenSection('Gegevensuitwisseling'), 2044, 2060),
  },
  {
    domain: 'Gegevensuitwisseling',
    opgave: 'Het (door)ontwikkelen en beschikbaar stellen van open source bouwstenen die nodig zijn om publiekprivate gegevensdeling op een verantwoorde manier te ondersteunen',
    activities: [
      'Een catalogus die federatieve gegevensuitwisseling ondersteunt, bronnen inzichtelijk maakt, inzicht biedt in aspecten als kwaliteit en de wijze waarop de bron te raadplegen is.',
      'Harmonisatie van begrippen: het bieden van ondersteuning bij de ontwikkeling van wet- en regelgeving door meer gebruik te maken van bestaande begrippen en definities om de uitvoering van nieuw beleid en regelgeving te vereenvoudigen.',
      'Advies over mogelijke beheeralternatieven voor één of meerdere voorzieningen, standaarden of afsprakenstelsels.',
      'Nieuwe generieke functies en standaarden uitproberen om te bepalen of ze geschikt zijn als mogelijke toevoegingen aan de GDI.',
    ],
    source: src(opgavenSection('Gegevensuitwisseling'), 2062, 2079),
  },
  {
    domain: 'Gegevensuitwisseling',
    opgave: 'Het ontwikkelen en beschikbaar stellen van open source bouwstenen die bijdragen aan het versterken van de publieke waarden bij gegevensdeling (transparantie, privacy, beveiliging, accountability, vertrouwen, etc.)',
    activities: [
      'Europese ontwikkelingen: we blijven op de hoogte van Europese digitale ontwikkelingen, zoals de Data Governance Act, Interoperabele Europe Act (IEA), en de Data Act en eIDAS-verordening.',
    ],
    source: src(opgavenSection('Gegevensuitwisseling'), 2081, 2090),
  },
  // Domein Infrastructuur concreet in 2025: the "Opgave Activiteit" table.
  {
    domain: 'Infrastructuur',
    opgave: 'Doorontwikkeling Diginetwerk afronden en opleveren',
    activities: [
      'Uitzetten onderzoek naar Diginetwerk en zorgen voor goede inventarisatie vooraf.',
      'Meer aandacht blijven genereren en inzicht verkrijgen in de mogelijkheden om Diginetwerk verder op te schalen.',
    ],
    source: src(opgavenSection('Infrastructuur'), 2502, 2508),
  },
  {
    domain: 'Infrastructuur',
    opgave: 'Toekomst Cloud/ODC’s; Soevereine cloud/ generieke (public) cloudtoegang via één of enkele toegangspunten (i.p.v. elke organisatie zijn eigen toegang laten realiseren tot public clouddiensten)',
    activities: [
      'Doorontwikkelen en uniformeren van cloud- en overheidsdatacenterdiensten in relatie tot de GDI.',
      'Voortzetten advies over mogelijke beheeralternatieven voor één of meerdere voorzieningen, standaarden of afsprakenstelsels. Daarbij wordt geëvalueerd of: de voorziening nog altijd als generiek kan worden beschouwd; de huidige beheerder de juiste partij is, of dat uitbesteding of inkoop van marktoplossingen mogelijk is.',
      'Onderzoeken of er mogelijk onderdelen zijn die generiek en gewenst zijn, maar nog niet tot de GDI behoren en de PGDI hierover adviseren.',
      'Adviseren wat het overheidsbrede cloudbeleid voor de GDI betekent en welke instrumenten gewenst zijn bij het maken van de verplichte risicoanalyse naar aanleiding van de inventarisatie die is gestart in 2024.',
      'Inventarisatie infrastructuur van de GDI voor overzicht en inzicht in hoe de GDI- landschap eruitziet.',
    ],
    source: src(opgavenSection('Infrastructuur'), 2510, 2536),
  },
  {
    domain: 'Infrastructuur',
    opgave: 'Verhogen cybersecurity weerbaarheid en samenwerking in keten en netwerkomgevingen',
    activities: [
      'Om te kunnen beoordelen of de huidige infrastructuur voldoet aan een toenemend aantal eisen bijvoorbeeld op het gebied van veiligheid, privacy en cloudbeleid: NLCS starten van een inventarisatie om per GDI-bouwsteen en Basisregistratie te bepalen welke ‘infrastructuur’ gebruikt wordt. De toets hier zou kunnen zijn de BIO te meten met een ISO27001 certificaat (opzet en bestaan) en daarnaast een ISAE300X onderzoek te doen voor de werking.',
    ],
    source: src(opgavenSection('Infrastructuur'), 2538, 2546),
  },
  {
    domain: 'Infrastructuur',
    opgave: 'Europa',
    activities: [
      'Inzicht krijgen in de richtlijnen van Europa en hoe we hier adequaat op kunnen anticiperen.',
      'Vaststellen raakvlakken tussen de Europese regelgeving en de infrastructuur GDI.',
    ],
    source: src(opgavenSection('Infrastructuur'), 2548, 2549),
  },
];

export const roadmapActions: readonly PlanRoadmapAction[] = [
  // Domein Interactie
  action('Interactie', INTERACTIE_GOAL_1, '0-2', 874, 880, null,
    'Ervoor zorgen dat mensen altijd goed geholpen en ondersteund worden. Burgers en ondernemers kiezen zelf via welk kanaal ze contact willen met de overheid. Hierbij zorgen we als gezamenlijke overheid voor een optimale dienstverlening. Landelijke beschikbaarheid van MijnZaken en bijbehorende notificatieservices.'),
  action('Interactie', INTERACTIE_GOAL_1, '3-4', 883, 892, null,
    'Het stapsgewijs (door-)ontwikkelen van bestaande overheidsbrede portalen (zoals Overheid.nl, MijnOverheid, Ondernemersplein en MijnOverheid voor Ondernemers) tot één samenhangende wegwijzer in het overheidslandschap. Een wegwijzer die burgers en ondernemers op een uniforme wijze leidt naar de voor hen relevante dienstverlening. Hierbij hebben we aandacht voor anderstaligen en anderstalige portalen.'),
  action('Interactie', INTERACTIE_GOAL_1, '3-4', 894, 897, null,
    'Het standaardiseren en waar nodig ontwikkelen van overheidsbrede interactieservices. Denk aan een overheidsbrede variant van MijnZaken of een notificatieservice.'),
  action('Interactie', INTERACTIE_GOAL_1, '3-4', 899, 904, null,
    'Met een omnichannel-benadering mensen helpen op de kanalen die voor hen relevant zijn. Dit willen we onder meer doen door gebruik te maken van ontwikkelingen in sociale media, nieuwe AI-technologieën als Large Language Models (LLM) en de Wallet.'),
  action('Interactie', INTERACTIE_GOAL_1, '3-4', 906, 909, null,
    'Zorgen dat de basis op orde is. Medeoverheden aansluiten op GDI-voorzieningen en hen ondersteunen bij de digitaliseringsslag die nodig is voor overheidsbrede services.'),
  action('Interactie', INTERACTIE_GOAL_2, '0-2', 915, 926, null,
    'Mensen ontvangen proactief informatie van dienstverleners over regelingen waar ze recht op hebben. We richten ons op het versimpelen en aanreiken van gerichte informatie voor burgers en ondernemers. Daarnaast zetten we in op preventie door het ontwikkelen van een betere/nieuwe signalering van problemen. Een voorbeeld is de proactieve dienstverlening ‘berichten over uw buurt’ die in 2024 is uitgerold in alle gemeenten. Inwoners ontvangen via e-mail bericht over updates over veranderingen in hun leefomgeving.'),
  action('Interactie', INTERACTIE_GOAL_2, '0-2', 928, 929, null,
    'We werken nieuwe levens- en bedrijfs gebeurtenissen uit.'),
  action('Interactie', INTERACTIE_GOAL_2, '0-2', 931, 934, null,
    'Burgers en ondernemers kunnen ervaringen met de overheidsdienstverlening via ‘feedback functionaliteit’ uitwisselen met dienstverleners. Met deze informatie verbeteren we de dienstverlening.'),
  action('Interactie', INTERACTIE_GOAL_2, '3-4', 937, 950, null,
    'Om een proactieve dienstverlening te garanderen die aansluit bij de leefwereld van mensen, kijken we welke gezamenlijke afspraken ‘onder de motorkap’ nodig zijn. Bijvoorbeeld om dienstverlening gebruikersvriendelijk, begrijpelijk en voor iedereen toegankelijk te maken. Dit doen we door overheidsbreed kennis te delen en belangrijke inzichten en ervaringen samen te brengen. Tot slot hebben we permanent aandacht voor de signalen van burgers en ondernemers. Die zijn immers noodzakelijk om de juiste verbeteringen in gang te zetten.'),
  action('Interactie', INTERACTIE_GOAL_2, '5-6', 971, 977, null,
    'Het helder en overzichtelijk, via een groeimodel en op basis van bekende gegevens aanbieden van alle rechten en plichten die burgers en ondernemers hebben bij de overheid. Het vroegtijdig signaleren van (toekomstige en/of financiële) probleemsituaties.'),
  // Domein Toegang
  action('Toegang', '', '0-2', 1470, 1475, null,
    '(Vrijwillig) machtigen: handelingsonbekwame burgers kunnen vrijwillig iemand aanwijzen (machtigen) om zich te laten vertegenwoordigen in de interactie met publieke dienstverleners. Hiervoor is de voorziening DigiD Machtigen beschikbaar.'),
  action('Toegang', '', '0-2', 1477, 1486, null,
    'Wettelijke vertegenwoordiging: burgers die (deels) handelingsonbekwaam zijn en niet zelfstandig mogen handelen, zoals personen die onder bewind of curatele staan of minderjarigen, hebben een door de wet of door de rechter aangestelde wettelijke vertegenwoordiger. Dit is bijvoorbeeld een bewindvoerder, curator, mentor of een persoon met gezag over een minderjarige. Registers waarin deze wettelijke vertegenwoordiging is geregistreerd, zijn/worden binnen het Stelsel Toegang ontsloten.'),
  action('Toegang', '', '0-2', 1488, 1496, null,
    'We willen de slag maken naar de betrouwbaarheidsniveaus ‘substantieel’ en ‘hoog’. Niet alle burgers kunnen op deze hogere betrouwbaarheidsniveaus inloggen. Bijvoorbeeld omdat zij niet of beperkt digi- en/of taalvaardig zijn of niet beschikken over de juiste apparaten of identiteitsgegevens. We werken aan oplossingen hiervoor zoals de Informatiepunten Digitale Overheid (IDO’s).'),
  action('Toegang', '', '0-2', 1498, 1505, null,
    'eHerkenning is een inlogmiddel waarmee vertegenwoordigers van bedrijven kunnen inloggen bij dienstverleners. Het stelsel eHerkenning is een publiek-private samenwerking. De private leveranciers van eHerkenningsmiddelen moeten voldoen aan de eisen gesteld in de Wdo. Hun middelen worden daarna pas toegelaten tot het Stelsel, waarbij sprake is van een overgangsperiode.'),
  action('Toegang', '', '0-2', 1507, 1514, null,
    'De ontwikkeling van het stelsel voor de Elektronische Digitale Identiteit (EDI-stelsel): indien mogelijk wordt hierbij ingezet op synergie tussen de digitale identiteit en het Once Only Technical System (OOTS). Het uitgangspunt bij de ontwikkeling is hergebruik van onderdelen van de Generieke Digitale Infrastructuur (GDI), waaronder het Stelsel Toegang.'),
  action('Toegang', '', '3-4', 1517, 1528, null,
    'Om de herziene eIDAS-verordening in Nederland te implementeren, ontwikkelen we een veilige en betrouwbare open source publieke NL ID-wallet. De komende jaren staan in het teken van de verdere voorbereiding van de implementatie. Onder meer door beproeving, zowel in Nederland als Europees verband, en de doorontwikkeling van de Nederlandse ID-wallet. Maar ook door het ontwikkelen van het EDI-stelsel via bijvoorbeeld afspraken over toezicht en certificering. Met een Wallet kan een burger of ondernemer veilig inloggen. Dat biedt een alternatief voor de huidige inlogmiddelen.'),
  action('Toegang', '', '3-4', 1530, 1530, null,
    'E-handtekening en e-zegels operationeel.'),
  action('Toegang', '', '5-6', 1533, 1533, null,
    'Stelsel Toegang operationeel.'),
  action('Toegang', '', '5-6', 1534, 1534, null,
    'Digitaal rijbewijs in EDI-wallet.'),
  action('Toegang', '', '5-6', 1535, 1539, null,
    'EDI-wallet te gebruiken als Wettelijke Identiteits Document (WID), procedures in alle SDG-categorieën beschikbaar via OOTS, bevoegde instanties met de meeste procedures zijn aangesloten op OOTS.'),
  // Domein Gegevensuitwisseling
  action('Gegevensuitwisseling', '', '0-2', 1897, 1907, 2025,
    'Bieden van inzicht en overzicht: Catalogus die federatieve gegevensuitwisseling ondersteunt, bronnen inzichtelijk maakt en inzicht biedt in aspecten als kwaliteit en de wijze waarop de bron te raadplegen is; Stapsgewijze toepassing van standaarden als DCAT, NL-SBB, SKOS. Dit vereist een (door-)ontwikkeling van bestaande catalogi data.overheid.nl, stelselcatalogus en nationaal geo-register (2025).'),
  action('Gegevensuitwisseling', '', '0-2', 1909, 1923, 2026,
    'Standaarden: Bredere adoptie van bestaande GDI-standaarden: REST-API Design Rules, DCAT, SKOS (2025); Uitbreiding van GDI-standaarden: Cloud Events, FSC, Logboek dataverwerkingen, IMX door middel van verder beproeven van deze standaarden aan de hand van concrete use cases met stakeholders (2026); Verplicht stellen van standaarden onder de Wet digitale overheid, met realistische implementatietermijnen en noodzakelijke ondersteuning in de vorm van bijvoorbeeld referentie-implementaties (2026).'),
  action('Gegevensuitwisseling', '', '0-2', 1925, 1928, null,
    'Deze periode voorziet de afronding van de herbouw Digipoort en de start van de migratie naar de herbouwde Digipoort. Hierbij houden we uitdrukkelijk rekening met de planning van de afnemers.'),
  action('Gegevensuitwisseling', '', '0-2', 1930, 1932, null,
    'Voor SBR is een nieuwe governance ingericht. Via deze governance werken we aan het afsprakenstelsel, de taxonomieën en het delen van kennis.'),
  action('Gegevensuitwisseling', '', '0-2', 1934, 1937, null,
    'De betekenis van de kanteling van bestaande voorzieningen naar afspraken en standaarden moet worden geconcretiseerd en landen in de doelarchitectuur.'),
  action('Gegevensuitwisseling', '', '0-2', 1939, 1940, 2025,
    'Beproeven: inrichten van Digilab als structurele ontwikkelomgeving voor de GDI (2025).'),
  action('Gegevensuitwisseling', '', '0-2', 1941, 1942, 2026,
    'Verplichte dataparagrafen voor beleid, wetgeving en uitvoeringstoetsen (2026).'),
  action('Gegevensuitwisseling', '', '0-2', 1944, 1946, null,
    'Uitbouwen van de adviesfunctie van de Centrale Commissie Gegevensgebruik over het gebruik van gegevens.'),
  action('Gegevensuitwisseling', '', '3-4', 1952, 1955, 2027,
    'De standaarden die in de eerste twee jaar zijn beproefd, zijn volwassen genoeg voor bredere implementatie (2027).'),
  action('Gegevensuitwisseling', '', '3-4', 1957, 1960, 2027,
    'Het vergroten van de transparantie over gegevensgebruik richting burgers waarbij het gemakkelijker wordt om gegevens te corrigeren indien nodig (2027).'),
  action('Gegevensuitwisseling', '', '3-4', 1962, 1965, 2027,
    'Het gemakkelijker maken om gegevens die de overheid van burgers en ondernemers heeft te hergebruiken in het maatschappelijk verkeer, bijvoorbeeld in de vorm van een Wallet (2027).'),
  action('Gegevensuitwisseling', '', '3-4', 1967, 1969, 2028,
    'Het werken volgens het principe ‘data bij de bron’ wordt steeds vaker toegepast, met afspraken over onder meer het gebruik van kopieën, historie en notificeren (2028).'),
  action('Gegevensuitwisseling', '', '3-4', 1971, 1973, null,
    'Voor Digipoort worden de koppelvlakken gemoderniseerd en (nieuwe) Europese richtlijnen geïmplementeerd zoals het digitaal ondertekenen.'),
  action('Gegevensuitwisseling', '', '5-6', 1976, 1983, null,
    'Voortdurende en onverminderde adoptie van standaarden. Dit is nodig om tot een flexibelere, verantwoorde gegevenshuishouding van de overheid te komen. Dat vereist een huishouding die blijvend voldoet aan de (wettelijke) vereisten op het gebied van privacy, beveiliging, verantwoording, etc.'),
  action('Gegevensuitwisseling', '', '5-6', 1985, 1993, null,
    'Het langetermijnperspectief (2029-2030) vergt het doordenken over fundamenteel andere keuzes in de inrichting van de gegevenshuishouding van de overheid. Bijvoorbeeld over de wijze waarop de registraties worden opgebouwd, hoe wet- en regelgeving worden vertaald naar de uitvoeringspraktijk en wat de opkomst van AI betekent. Daarom worden pilots gedaan. Onder meer door gebruik te maken van het innovatiebudget binnen de GDI.'),
  action('Gegevensuitwisseling', '', '5-6', 1995, 1998, null,
    'Voor Digipoort geldt op de lange termijn dat het stelsel en ecosysteem verder ontwikkeld worden. Mogelijk is een verbreding nodig als oplossing voor de communicatie tussen overheid en burger.'),
  action('Gegevensuitwisseling', '', '5-6', 2000, 2002, null,
    'Tot slot zal een werkgroep zich richten op de toekomst van Digipoort na ingebruikname van de herbouwde Digipoort.'),
  // Domein Infrastructuur
  action('Infrastructuur', '', '0-2', 2379, 2383, null,
    'Het opstellen van de architectuur van het toekomstig overheidsdatacenter als basis voor modernisering van bestaande datacenters en het verbreden van het aanbod voor andere bestuurslagen.'),
  action('Infrastructuur', '', '0-2', 2385, 2392, null,
    'Strikter toepassen van bestaande beleidsinstrumenten: Ontwikkelen visie op infrastructuur; Onderzoek naar een algehele overheidsfaciliteit voor de GDI- voorzieningen; (Verder) Uitwerken en implementeren opdrachtgever- en opdrachtnemersschap.'),
  action('Infrastructuur', '', '0-2', 2393, 2393, null,
    'Onderzoek verplicht gebruik Diginetwerk.'),
  action('Infrastructuur', '', '0-2', 2394, 2397, null,
    'Toepassing van vastgestelde standaarden, toepassing van beleid op het gebied van beveiliging zoals de BIO, gebruik algoritmen en AI.'),
  action('Infrastructuur', '', '0-2', 2399, 2400, null,
    'We spreken uitvoeringsorganisaties en afnemers aan als zij niet voldoen aan verplichte standaarden.'),
  action('Infrastructuur', '', '0-2', 2402, 2402, null,
    'Het implementeren van de Interoperability Act.'),
  action('Infrastructuur', '', '0-2', 2403, 2407, null,
    'Een integrale roadmap vaststellen voor de doorontwikkeling en de modernisering van de Infrastructuur van de Digitale Overheid en de eerste stappen zetten naar het modulair bouwen.'),
  action('Infrastructuur', '', '0-2', 2409, 2410, null,
    'Werken aan een nadere invulling van het Rijkscloudbeleid.'),
  action('Infrastructuur', '', '0-2', 2412, 2414, null,
    'Het onderzoeken van een verdere samenwerking met onderwijs en wetenschappen op gebied van infrastructuur op Europees niveau.'),
  action('Infrastructuur', '', '0-2', 2416, 2418, null,
    'Het implementeren van standaarden op het gebied van weerbaarheid, zoals Post Quantum Cryptografie (PQM) en andere nieuwe securitymaatregelen.'),
  action('Infrastructuur', '', '3-4', 2421, 2424, null,
    'Het vaststellen van eisen in de wetgeving voor de minimale inrichting van de infrastructuur van de Digitale Overheid.'),
  action('Infrastructuur', '', '3-4', 2426, 2427, null,
    'Het monitoren van de realisatie van eisen en spreken met organisaties die niet voldoen aan de eisen.'),
  action('Infrastructuur', '', '5-6', 2430, 2433, null,
    'Het realiseren van een volledig gemoderniseerd soevereine en robuuste digitale infrastructuur die voldoet aan de eisen van de EU-wet- en regelgeving.'),
  action('Infrastructuur', '', '5-6', 2435, 2436, null,
    'Nederland neemt een leidinggevende positie in op het gebied van digitale infrastructuur binnen de EU.'),
  action('Infrastructuur', '', '5-6', 2438, 2439, null,
    'De Nederlandse overheid werkt samen met Europese partners op het gebied van infrastructuur.'),
  action('Infrastructuur', '', '5-6', 2441, 2443, null,
    'Op basis van de infrastructuur ontwikkelen van innovatieve digitale diensten die gebruik maken van de nieuwste technologieën.'),
  action('Infrastructuur', '', '5-6', 2445, 2446, null,
    'Blijven inspelen op de veranderende behoeften van burgers en bedrijven.'),
];

export const priorities: readonly string[] = [
  'De omslag in denken: van aanvragen naar aanreiken (proactieve dienstverlening)',
  'Uitwerken en realiseren van domeinarchitecturen',
  'Meer en blijvende aandacht besteden aan het ondernemersdomein',
  'Verbinden van de digitalisering Caribisch Nederland en digitalisering Europees Nederland',
  'Meer en blijvende aandacht besteden aan autonomie, cloud- en cyberontwikkelingen',
  'Digitaal kompas voor Europa',
  'Meer aandacht voor semantische interoperabiliteit en het identificeren en oplossen van wettelijke knelpunten die de interoperabiliteit belemmeren (wetsanalyse)',
  'Verbeteren, vernieuwen en innoveren van de generieke digitale infrastructuur',
  'Het in gebruik nemen van de Wallet',
  'Toegankelijke en inclusieve dienstverlening',
];

export const programmes: readonly { domain: DomainOrGeneriek; name: string; source: SourceRef }[] = [
  { domain: 'Interactie', name: 'Programma MijnOverheid', source: src(programmesSection('Interactie'), 988, 988) },
  { domain: 'Interactie', name: 'Programma MijnOverheid voor Ondernemers (MOVO)', source: src(programmesSection('Interactie'), 989, 989) },
  { domain: 'Interactie', name: 'Programma Berichtenbox voor Ondernemers', source: src(programmesSection('Interactie'), 990, 990) },
  { domain: 'Interactie', name: 'Programma Federatief Berichten Stelsel (FBS)', source: src(programmesSection('Interactie'), 991, 991) },
  { domain: 'Interactie', name: 'Landelijke Informatievoorziening', source: src(programmesSection('Interactie'), 992, 992) },
  { domain: 'Interactie', name: 'Programma Dienstverlening', source: src(programmesSection('Interactie'), 993, 993) },
  { domain: 'Interactie', name: 'Levensgebeurtenissen', source: src(programmesSection('Interactie'), 994, 994) },
  { domain: 'Interactie', name: 'Doorontwikkeling overheidsbrede portalen', source: src(programmesSection('Interactie'), 995, 995) },
  { domain: 'Interactie', name: 'Overheidsbrede Interactieservices', source: src(programmesSection('Interactie'), 996, 996) },
  { domain: 'Interactie', name: 'Singel Digital Gateway (SDG)', source: src(programmesSection('Interactie'), 997, 997) },
  { domain: 'Toegang', name: 'Stelsel Toegang', source: src(programmesSection('Toegang'), 1542, 1542) },
  { domain: 'Toegang', name: 'Vernieuwing DigiD en DigiD machtigen', source: src(programmesSection('Toegang'), 1543, 1543) },
  { domain: 'Toegang', name: 'Programma EDI', source: src(programmesSection('Toegang'), 1544, 1544) },
  { domain: 'Gegevensuitwisseling', name: 'Programma Federatief Data Stelsel, onderdeel van de Interbestuurlijke Datastrategie', source: src(programmesSection('Gegevensuitwisseling'), 2006, 2008) },
  { domain: 'Gegevensuitwisseling', name: 'Juridische borging verantwoord federatief datadelen', source: src(programmesSection('Gegevensuitwisseling'), 2009, 2009) },
  { domain: 'Gegevensuitwisseling', name: 'Regie op Gegevens (RoG)', source: src(programmesSection('Gegevensuitwisseling'), 2010, 2010) },
  { domain: 'Gegevensuitwisseling', name: 'Europese Digitale Identiteit (EDI), inclusief Wallet', source: src(programmesSection('Gegevensuitwisseling'), 2011, 2011) },
  { domain: 'Gegevensuitwisseling', name: 'Single Digital Gateway (SDG)', source: src(programmesSection('Gegevensuitwisseling'), 2012, 2012) },
];
