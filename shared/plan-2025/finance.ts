// The financial tables of the GDI-Programmeringsplan 2025, transcribed from
// docs/sources/gdi-programmeringsplan-2025.txt (the text extracted from the published PDF):
//   - beheerLines: the "Beheer en exploitatieoverzicht 2025" (Financieel overzicht), each line with the
//     same line in its domain chapter's table "Concreet per bouwsteen in 2025" (B&E x € 1.000);
//   - renewalProposals: every row of every "Vernieuwingsvoorstellen Budget x € 1.000 Doorkijk" table
//     (the generic one and those of the four domain chapters), each with its line in the financial
//     overview's "Vernieuwingsbudget 2025 Budget x € 1.000 Opdrachtnemers" table;
//   - statedTotals: the totals the plan states about these tables.
//
// How it was made and reviewed: every table was read twice against the numbered source text
// (`sed -n 'A,Bp'`), row by row, chapter against overview. Amounts are kept exactly as printed, in
// x € 1.000, including the plan's own notation slips ('1900', '1000', '3083' without a thousands dot)
// and the three non-numbers kept apart: 'ntb', '-' and '0'. Footnote markers glued onto a number
// ("ntb13", "308314") are stripped from the amount and the footnote's text is kept in `footnotes`.
// finance.test.ts holds every row against the source text (line ranges, names, amounts, bullets,
// completeness of each table, totals), so a transcription slip makes it fail.
//
// Text conventions: PDF line breaks are joined with one space, except where the extracted line has no
// trailing space before the break (a word broken over two lines whose hyphen the extraction dropped, as
// it drops such hyphens inline too: "EUwetgeving", "EDIstelsel", "BSNkoppelpunt"); those are joined
// without a space ("developer.overheid.nl", "EUwetgeving", "EDIstelsel", "standaard/taxonomie").
// Bulleted names (Digipoort) keep their "•" bullets in the name text.
//
// Known disagreements in the plan itself, kept as printed (see finance.test.ts):
//   - The B&E overview's 23 lines add up to 263.681, but the plan states "Totaal 263.463" (and
//     "€ 263,46 mln"). The difference, 218, is exactly the line "Samenwerkende Catalogi SDG" (RVO):
//     the stated total leaves that line out.
//   - Several renewal proposals are named differently in the chapter and in the overview (e.g.
//     "toegangsverkenning" vs "toegangsverlening", "publieke dienstverlening" vs "publiek
//     dienstverleningsaanbod"); the amounts agree. Both names are kept.
import type { Domain, DomainOrGeneriek, RenewalStatus } from '../domain.ts';
import type { PlanBeheerLine, PlanRenewalProposal, PlanStatedTotal, PrintedAmount, SourceRef } from './types.ts';

function src(section: string, from: number, to: number = from): SourceRef {
  return { section, lines: [from, to] };
}

const OVERVIEW_BEHEER = 'Financieel overzicht › Beheer en exploitatieoverzicht 2025';
const OVERVIEW_RENEWAL = 'Financieel overzicht › Vernieuwingsbudget';
const chapterBeheer = (domain: Domain): string => `Domein ${domain} › Concreet per bouwsteen in 2025`;
const chapterRenewal = (domain: DomainOrGeneriek): string =>
  domain === 'Generiek'
    ? 'Domeinoverstijgende activiteiten › Vernieuwingsbudget › Generieke vernieuwingsprojecten in 2025'
    : `Domein ${domain} › Vernieuwingsbudget › Concreet per programma en project in 2025`;

// ---------------------------------------------------------------------------------------------------
// Beheer en exploitatie (B&E). Order: as in the overview table (lines 2794-2868). Every overview line
// is listed in exactly one chapter table (Interactie 9, Toegang 7, Gegevensuitwisseling 3,
// Infrastructuur 4), so no domain had to be decided from the text.

function beheer(
  bouwsteen: string,
  amount: PrintedAmount,
  opdrachtnemer: string,
  lines: readonly [number, number],
  domain: Domain,
  chapterName: string,
  chapterAmount: PrintedAmount,
  chapterLines: readonly [number, number],
): PlanBeheerLine {
  return {
    bouwsteen,
    domain,
    opdrachtnemer,
    amount,
    source: src(OVERVIEW_BEHEER, lines[0], lines[1]),
    chapter: { name: chapterName, amount: chapterAmount, source: src(chapterBeheer(domain), chapterLines[0], chapterLines[1]) },
  };
}

const DIGIPOORT_OVERVIEW =
  'Digipoort inclusief • eFactureren (inclusief ROAP, beheer eProcurement standaarden en ondersteuning NPa) ' +
  '• Standard Business Reporting (inclusief SBR governance en beheer XBRL standaard/taxonomie ontwikkeling) ' +
  '• Financiële Stromen • Sociaal en dubbel draaien vanwege migratie • Nederlandse Peppol Autoriteit';
// The chapter prints "standaard/ taxonomie" with a space inside the line.
const DIGIPOORT_CHAPTER =
  'Digipoort inclusief • eFactureren (inclusief ROAP, beheer eProcurement standaarden en ondersteuning NPa) ' +
  '• Standard Business Reporting (inclusief SBR governance en beheer XBRL standaard/ taxonomie ontwikkeling) ' +
  '• Financiële Stromen • Sociaal en dubbel draaien vanwege migratie • Nederlandse Peppol Autoriteit';

const MIJNOVERHEID_GEGEVENS =
  'MijnOverheid (Gegevens en Generieke diensten) (exclusief vernieuwingsbudget Doorontwikkeling MijnOverheid, separaat opgenomen)';
const MIJNOVERHEID_BERICHTENBOX =
  'MijnOverheid (Berichtenbox) (exclusief vernieuwingsbudget Federatief Berichtenstelsel, separaat opgenomen)';
const DOP_ACTIVITEITEN =
  'Digitaal Ondernemersplein (DOP), activiteiten die bijdragen aan de centrale toegang voor ondernemers, zoals Higherlevel, wetten en regelcontent (PSC) en regelhulpen';

export const beheerLines: readonly PlanBeheerLine[] = [
  beheer('NORA', '750', 'ICTU', [2798, 2798], 'Infrastructuur', 'NORA', '750', [2560, 2560]),
  beheer('Overheid.nl', '1.652', 'KOOP / Logius', [2800, 2800], 'Interactie', 'Overheid.nl', '1.652', [1203, 1203]),
  beheer('Register van Overheidsorganisaties', '1.081', 'KOOP / Logius', [2802, 2802], 'Interactie',
    'Register van Overheidsorganisaties', '1.081', [1205, 1205]),
  beheer('Digitaal Ondernemersplein (DOP)', '6.400', 'KVK', [2804, 2804], 'Interactie',
    'Digitaal Ondernemersplein (DOP)', '6.400', [1189, 1189]),
  beheer(DOP_ACTIVITEITEN, '3.534', 'RVO', [2806, 2809], 'Interactie', DOP_ACTIVITEITEN, '3.534', [1191, 1197]),
  beheer(MIJNOVERHEID_GEGEVENS, '12.434', 'Logius', [2811, 2814], 'Interactie', MIJNOVERHEID_GEGEVENS, '12.434', [1174, 1179]),
  beheer(MIJNOVERHEID_BERICHTENBOX, '36.489', 'Logius', [2816, 2819], 'Interactie', MIJNOVERHEID_BERICHTENBOX, '36.489', [1181, 1185]),
  beheer('DigiD', '51.559', 'Logius', [2821, 2821], 'Toegang', 'DigiD', '51.559', [1635, 1635]),
  beheer('DigiD Machtigen', '29.394', 'Logius', [2823, 2823], 'Toegang', 'DigiD Machtigen', '29.394', [1637, 1637]),
  beheer('eHerkenning', '4.913', 'Logius', [2825, 2825], 'Toegang', 'eHerkenning', '4.913', [1639, 1639]),
  beheer('eIDAS Logius (inclusief BSNkoppelpunt)', '1.235', 'Logius', [2827, 2827], 'Toegang',
    'eIDAS Logius (inclusief BSNkoppelpunt)', '1.235', [1641, 1641]),
  beheer('eIDAS RvIG', '5.689', 'RvIG', [2829, 2829], 'Toegang', 'eIDAS RvIG', '5.689', [1643, 1643]),
  beheer('PKIOverheid', '2.763', 'Logius', [2831, 2831], 'Toegang', 'PKIOverheid', '2.763', [1647, 1647]),
  // The chapter prints "Digimelding Digikoppeling" without the comma the overview has.
  beheer('Stelseldiensten (Digimelding, Digikoppeling, Digilevering, Stelselcatalogus, Gegevensuitwisselingsstandaarden)',
    '19.575', 'Logius', [2833, 2836], 'Gegevensuitwisseling',
    'Stelseldiensten (Digimelding Digikoppeling, Digilevering, Stelselcatalogus, Gegevensuitwisselingsstandaarden)',
    '19.575', [2099, 2104]),
  // Lines 2839-2850 follow a repeated table heading (2837) after a page break.
  beheer(DIGIPOORT_OVERVIEW, '67.567', 'Logius', [2839, 2850], 'Gegevensuitwisseling', DIGIPOORT_CHAPTER, '67.567', [2106, 2122]),
  beheer('Digipoort: Kenniscentrum eprocurement', '2.559', 'RVO', [2852, 2852], 'Gegevensuitwisseling',
    'Digipoort: Kenniscentrum eprocurement', '2.559', [2124, 2124]),
  beheer('Diginetwerk', '1.664', 'Logius', [2854, 2854], 'Infrastructuur', 'Diginetwerk', '1.664', [2558, 2558]),
  beheer('Open standaarden (inclusief standaarden toegankelijkheid)', '2.661', 'Logius', [2856, 2856], 'Infrastructuur',
    'Open standaarden (inclusief standaarden toegankelijkheid)', '2.661', [2562, 2565]),
  beheer('Forum Standaardisatie', '3.343', 'Logius', [2858, 2858], 'Infrastructuur', 'Forum Standaardisatie', '3.343', [2567, 2567]),
  beheer('Beheervoorziening BSN (BV BSN)', '5.733', 'RvIG', [2860, 2860], 'Toegang',
    'Beheervoorziening BSN (BV BSN)', '5.733', [1645, 1645]),
  beheer('Berichtenbox voor Bedrijven', '2.065', 'RVO', [2862, 2862], 'Interactie', 'Berichtenbox voor Bedrijven', '2.065', [1187, 1187]),
  beheer('Samenwerkende Catalogi', '403', 'Logius', [2864, 2864], 'Interactie', 'Samenwerkende Catalogi', '403', [1199, 1199]),
  // Listed in the overview and in the Interactie chapter, but not counted in the overview's stated
  // "Totaal 263.463": the 23 lines add up to 263.681 = 263.463 + 218.
  beheer('Samenwerkende Catalogi SDG', '218', 'RVO', [2866, 2866], 'Interactie', 'Samenwerkende Catalogi SDG', '218', [1201, 1201]),
];

// ---------------------------------------------------------------------------------------------------
// Vernieuwingsbudget. Order: by table, as in the plan (Generiek 691-752; Interactie 1219-1282 and its
// continuation 1285-1305; Toegang 1661-1695; Gegevensuitwisseling 2138-2197; Infrastructuur
// 2581-2594). `source` runs from the status line to the amount row. All 22 overview lines (2899-2968)
// match one chapter proposal each; no proposal is missing from the overview.

interface ProposalInput {
  domain: DomainOrGeneriek;
  status: RenewalStatus;
  name: string;
  development: readonly string[];
  /** Gevraagd 2025, toegekend 2025, Doorkijk 2026, 2027. */
  amounts: readonly [PrintedAmount, PrintedAmount, PrintedAmount, PrintedAmount];
  lines: readonly [number, number];
  footnotes?: readonly string[];
  overview: { name: string; amount: PrintedAmount; opdrachtnemers: string; lines: readonly [number, number] } | null;
}

function proposal(input: ProposalInput): PlanRenewalProposal {
  const [requested, allocated, outlook2026, outlook2027] = input.amounts;
  return {
    name: input.name,
    domain: input.domain,
    status: input.status,
    development: input.development,
    requested,
    allocated,
    outlook: [outlook2026, outlook2027],
    opdrachtnemers: input.overview?.opdrachtnemers ?? '',
    footnotes: input.footnotes ?? [],
    source: src(chapterRenewal(input.domain), input.lines[0], input.lines[1]),
    overview: input.overview
      ? { name: input.overview.name, amount: input.overview.amount, source: src(OVERVIEW_RENEWAL, input.overview.lines[0], input.overview.lines[1]) }
      : null,
  };
}

/** Footnote 13 (chapter Gegevensuitwisseling) and footnote 17 (financial overview) print this same text. */
const FOOTNOTE_DATA_BIJ_DE_BRON =
  'Het is nog onbekend of en hoeveel budget het voorstel Data bij de Bron krijgt. Dit wordt pas bekend nadat de ' +
  'opdrachten zijn verstrekt en er meer inzicht is in de aangevraagde budgetten.';
/**
 * The asterisk note under the overview's heading "Onderstaand zijn de toegekende budgetten, in duizenden
 * euro's.*" (lines 2872-2877). Its marker sits on the heading, not on a row, but its whole content is
 * about Data bij de Bron, so it is kept with that proposal.
 */
const NOTE_OVERVIEW_DATA_BIJ_DE_BRON =
  'Het proces van de opdrachtverstrekking voor vernieuwingsvoorstellen gaat ook starten voor Data bij de Bron ' +
  '(domein Gegevensuitwisseling), maar mogelijke financiële ruimte voor Data bij de Bron is pas bekend, nadat de ' +
  'opdrachten zijn verstrekt en er meer inzicht is in de aangevraagde budgetten. Deze is daarom nog niet in dit figuur opgenomen.';
/** Footnote 14, on the allocation of Implementatie SDG fase 2 ("308314" = 3083 + marker 14). */
const FOOTNOTE_SDG = '650k is toegekend aan BNc SDG en 2.433.000 aan RINIS.';

export const renewalProposals: readonly PlanRenewalProposal[] = [
  // --- Generiek (Domeinoverstijgende activiteiten), lines 691-754 ---
  proposal({
    domain: 'Generiek',
    status: 'Doorloper',
    name: 'Versterking architectuurfunctie in de GDI',
    development: [
      'Verbindende architectuur voor het domein Infrastructuur realiseren en een aantal onderdelen verder uitwerken.',
      'Onderhoud op bestaande uitwerkingen om (beter) aan te sluiten op de Actieagenda Digitale Overheid, de NORA en op ontwikkelingen op EU-niveau en landelijk niveau.',
    ],
    amounts: ['750', '750', '750', '750'],
    lines: [695, 705],
    overview: { name: 'Versterking architectuur digitale overheid', amount: '750', opdrachtnemers: 'Bureau MIDO', lines: [2901, 2901] },
  }),
  proposal({
    domain: 'Generiek',
    status: 'Nieuw',
    name: 'State of science scenario’s door Digicampus',
    development: [
      'Brug slaan tussen baanbrekend Nederlands onderzoek en de praktische behoeften van de GDI.',
      'In opdracht van MIDO-governance vernieuwingsadviezen opstellen en de meest recente wetenschappelijke inzichten vertalen naar concrete scenario’s voor vernieuwing van de GDI.',
      'Vijf ‘State of Science Scenario’ opdrachten uitvoeren die leiden tot twee proof-of-concepts en drie prototypes.',
    ],
    amounts: ['1.735', '1.735', '2.008', '2.008'],
    lines: [707, 719],
    overview: {
      name: 'State of science scenarios door Digicampus',
      amount: '1.735',
      opdrachtnemers: 'Digicampus - (formele bedrijfsvoering door: ICTU)',
      lines: [2910, 2910],
    },
  }),
  proposal({
    domain: 'Generiek',
    status: 'Nieuw',
    // "EU" ends line 722 without a trailing space: a broken word; the overview prints "EUwetgeving".
    name: 'Onderzoek naar impact van de EUwetgeving (Digital Decade) op de GDI',
    development: [
      'Impact van de Digital Decade wetgeving op de GDI onderzoeken.',
      'Resultaat van het onderzoek is een startpunt voor bepaling van de richting waarin de Architectuur Digitale Overheid moet worden doorontwikkeld om Europese wetgeving te kunnen implementeren.',
    ],
    amounts: ['995', '995', '995', '995'],
    lines: [721, 731],
    overview: { name: 'Onderzoek naar impact van de EUwetgeving (Digital Decade) op de GDI', amount: '995', opdrachtnemers: 'VNG', lines: [2948, 2951] },
  }),
  proposal({
    domain: 'Generiek',
    status: 'Doorloper',
    name: 'Innovatiewerkplaats Digilab',
    development: [
      'GDI-bouwstenen ontwikkeling in samenhang beproeven en verder ontwikkelen.',
      'Traject voor opname in de GDI inzetten.',
    ],
    amounts: ['2.669', '1.269', '-', '-'],
    lines: [733, 739],
    overview: {
      name: 'Innovatiewerkplaats Digilab',
      amount: '1.269',
      opdrachtnemers: 'VNG (ICTU of andere verbonden partijen in de uitvoeringsfase)',
      lines: [2957, 2958],
    },
  }),
  proposal({
    domain: 'Generiek',
    status: 'Nieuw',
    name: 'NL Veranderdetectie',
    development: [
      'Implementeren van het verbeterde algoritme bij de deelnemende waterschappen en integratie ervan met hun GIS-software. Dit moet leiden tot een kortere detectie- en verwerkingstijd voor mutaties.',
      'Opleveren van fase 2. Hierbij wordt het huidige product verder uitgewerkt tot een robuust eindproduct met meer use cases en een bredere gebruikersgroep (waterschappen, RWS, andere overheden).',
    ],
    amounts: ['378', '378', '-', '-'],
    lines: [741, 752],
    overview: { name: 'NL Veranderdetectie', amount: '378', opdrachtnemers: 'Het Waterschapshuis', lines: [2914, 2914] },
  }),

  // --- Interactie, lines 1219-1284 and the continued table 1285-1305 ---
  proposal({
    domain: 'Interactie',
    status: 'Doorloper',
    name: 'FBS: Federatief Berichten Stelsel',
    development: [
      'Vervangen huidige berichtenvoorziening (GLOBE) voor burgers.',
      'Inrichten Stelsel voor het centraal (gemeenschappelijk berichten magazijn) of decentraal (organisatie eigen berichtenmagazijn) verzenden van berichten.',
    ],
    amounts: ['10.500', '10.500', '12.727', '-'],
    lines: [1223, 1231],
    overview: { name: 'Federatief berichten Stelsel (FBS)', amount: '10.500', opdrachtnemers: 'Logius', lines: [2920, 2920] },
  }),
  proposal({
    domain: 'Interactie',
    status: 'Nieuw',
    name: 'Overheid.nl als wegwijzer naar informatie en diensten',
    development: [
      'Makkelijk vindbaar maken van informatie op Overheid.nl toegespitst op het perspectief van de burger/ondernemer.',
      'Mogelijkheid om feedback te geven.',
    ],
    amounts: ['3.000', '3.000', '1.500', '-'],
    lines: [1233, 1242],
    overview: { name: 'Overheid.nl als wegwijzer naar informatie en diensten', amount: '3.000', opdrachtnemers: 'Logius, Koop', lines: [2927, 2927] },
  }),
  proposal({
    domain: 'Interactie',
    status: 'Nieuw',
    name: 'Digitaal dossier overheidsbrede dienstverlening',
    development: [
      'Digitaal dossier t.b.v. de samenwerking tussen (mede-)overheden in het kader van het overheidsbrede loket ter ondersteuning van overheidsdienstverleners voor het beantwoorden van ketenoverstijgende vragen van burgers en ondernemers.',
    ],
    amounts: ['500', '500', '910', '3.300'],
    lines: [1244, 1252],
    overview: { name: 'Digitaal dossier overheidsbrede dienstverlening', amount: '500', opdrachtnemers: 'VNG Realisatie', lines: [2960, 2960] },
  }),
  proposal({
    domain: 'Interactie',
    status: 'Nieuw',
    name: 'Berichtenbox Ondernemers',
    development: [
      'Ondernemers hebben op één plek overzicht van alle overheidsberichten.',
      'Handelingsperspectief is aangegeven.',
      'Communicatievoorkeuren.',
      'Verbreden gebruik.',
    ],
    amounts: ['2.184', '2.184', '2.500', '2.000'],
    lines: [1254, 1262],
    overview: { name: 'Berichtenbox voor Ondernemers', amount: '2.184', opdrachtnemers: 'RVO', lines: [2945, 2945] },
  }),
  proposal({
    domain: 'Interactie',
    status: 'Doorloper',
    name: 'MijnOverheid voor Ondernemers',
    development: [
      'Eén plaats voor ondernemers waar zij voor de situatie van hun onderneming alle gegevens en acties kunnen terugvinden die ze willen uitvoeren.',
    ],
    amounts: ['2.700', '2.700', '3.000', '3.000'],
    lines: [1264, 1270],
    overview: {
      name: 'MijnOverheid voor ondernemers',
      amount: '2.700',
      opdrachtnemers: 'Logius, KvK en RVO en mogelijk nog nader te bepalen partijen',
      lines: [2924, 2925],
    },
  }),
  proposal({
    domain: 'Interactie',
    status: 'Nieuw',
    // The overview words it differently: "... en publiek dienstverleningsaanbod met AI".
    name: 'Verkenning bouwsteen voor koppeling ondernemersvraag en publieke dienstverlening met AI',
    development: [
      'Koppelen van vraag en aanbod van overheidsdienstverlening.',
      'Verbeteren vindbaarheid en transparantie van regelingen en initiatieven voor mkb’ers en publieke dienstverleners.',
    ],
    amounts: ['350', '350', '475', '-'],
    lines: [1272, 1282],
    overview: {
      name: 'Verkenning bouwsteen voor koppeling ondernemersvraag en publiek dienstverleningsaanbod met AI',
      amount: '350',
      opdrachtnemers: 'Ministerie van EZK, DG B&I, directie ondernemingsklimaat',
      lines: [2929, 2933],
    },
  }),
  // Continued Interactie table after the page break (heading repeated at line 1285).
  proposal({
    domain: 'Interactie',
    status: 'Doorloper',
    name: 'Doorontwikkeling MijnOverheid en overheidsbrede interactieservices',
    development: [
      'Het beter laten aansluiten van het landschap van informatievoorzieningen op de behoefte van de burger door het bieden van overzicht en inzicht, handelingsperspectief, en in te zetten op gebruiksvriendelijkheid en toegankelijkheid.',
    ],
    amounts: ['6.200', '6.200', '6.200', '6.200'],
    lines: [1289, 1297],
    overview: {
      name: 'Doorontwikkeling MijnOverheid en overheidsbrede interactieservices',
      amount: '6.200',
      opdrachtnemers: 'VNG, CJIB, Logius en eventueel nog nader te bepalen opdrachtnemers',
      lines: [2962, 2966],
    },
  }),
  proposal({
    domain: 'Interactie',
    status: 'Nieuw',
    name: 'Portaal Caribisch Nederland',
    development: [
      'Ontwerpen en realiseren van een overheidsorganisatie overstijgend portaal om de dienstverlening voor burger, bedrijven en andere overheidsorganisaties te verbeteren.',
    ],
    // Doorkijk 2027 is an explicit 0, not '-'.
    amounts: ['475', '475', '100', '0'],
    lines: [1299, 1305],
    overview: {
      name: 'Portaal Caribisch Nederland',
      amount: '475',
      opdrachtnemers: 'Regievoering door project registratie en voorzieningen Caribisch NL ministerie BZK',
      lines: [2942, 2943],
    },
  }),

  // --- Toegang, lines 1661-1697 ---
  proposal({
    domain: 'Toegang',
    status: 'Nieuw',
    name: 'Vernieuwing DigiD Machtigen',
    development: [
      'Onderzoek of en hoe we DigiD Machtigen moeten aanpassen om te voldoen aan de vereisten van de Wet digitale overheid zodat we deze kunnen opnemen in het Stelsel Toegang.',
      'Realiseren aanpassingen en/of realiseren nieuwe bouwsteen voor machtigingen.',
    ],
    amounts: ['936', '936', '-', '-'],
    lines: [1665, 1673],
    overview: { name: 'Vernieuwing DigiD machtigen', amount: '936', opdrachtnemers: 'BZK, Logius en ICTU', lines: [2908, 2908] },
  }),
  proposal({
    domain: 'Toegang',
    status: 'Doorloper',
    name: 'Implementatie Stelsel Toegang',
    development: [
      'Realisatie van het Stelsel Toegang, de voorzieningen en de daarbij horende processen, waarmee aan de Wet digitale overheid wordt voldaan.',
    ],
    amounts: ['19.250', '14.500', '-', '-'],
    lines: [1675, 1681],
    overview: { name: 'Implementatie Stelsel Toegang', amount: '14.500', opdrachtnemers: 'ICTU, Logius en DICTU', lines: [2916, 2916] },
  }),
  proposal({
    domain: 'Toegang',
    status: 'Doorloper',
    name: 'Europese Digitale Identiteit Raamwerk: Programma EDIstelsel NL en Europese Large Scale Pilots',
    development: [
      'Inrichten EDI-stelsel.',
      'Met de EDI-wallet kunnen identificeren, gegevens en berichten kunnen delen en een elektronische handtekening kunnen zetten.',
      'Realiseren publieke (voorbeeld) EDI-wallet.',
      'Participatie in grensoverschrijdende pilots met andere EU-landen (Large Scale Pilots).',
    ],
    amounts: ['17.421', '13.500', '15.253', '5.087'],
    lines: [1683, 1695],
    overview: {
      // "EDI" ends line 2935 without a trailing space (a broken word), as the chapter's "EDIstelsel".
      name: 'Europese Digitale Identiteit Raamwerk: Programma EDIstelsel NL en Europese large scale pilots',
      amount: '13.500',
      opdrachtnemers: 'Programma EDI-Stelsel NL en Bureau LSP (ICTU en uitvoeringsorganisaties, RDI RvIG, KVK, RDW, TNO e.a.)',
      lines: [2935, 2940],
    },
  }),

  // --- Gegevensuitwisseling, lines 2138-2204 ---
  // The Naam column of this row also says (lines 2146-2149): "Dit voorstel is een samenvoeging van 05.
  // API-ondersteuningsteam; 10. Adoptie Digikoppeling voor API’s; en 14. Overheidsbreed
  // ontwikkelaarsportaal." PlanRenewalProposal has no field for such a note; it is neither part of the
  // name (the overview names the proposal without it) nor a bullet of Ontwikkeling 2025.
  // Amounts printed without a thousands dot: '1900' and '1000' (the overview prints 1.000).
  proposal({
    domain: 'Gegevensuitwisseling',
    status: 'Nieuw',
    name: 'Implementatieondersteuning en kennisborging',
    development: [
      'API’s en uitgewerkte eerste casus (tegengaan van scraping).',
      'Developer.overheid.nl.',
      // "developer." ends line 2153 without a trailing space: the domain name is broken over two lines.
      'Kennisbank op de website developer.overheid.nl en tactisch overlegorgaan voor developer.overheid.nl ingericht voor bestuurlijke sturing.',
      'Eerste versie van het gefedereerde API-register.',
    ],
    amounts: ['1900', '1000', '-', '-'],
    lines: [2142, 2158],
    overview: { name: 'Implementatieondersteuning en kennisborging', amount: '1.000', opdrachtnemers: 'o.a. Geonovum', lines: [2912, 2912] },
  }),
  proposal({
    domain: 'Gegevensuitwisseling',
    status: 'Doorloper',
    name: 'Data bij de Bron',
    development: [
      'Vastleggen van gegevens uit diverse processen en het toegankelijk maken vanuit het kernprincipe.',
      'Publiek demo-prototype beschikbaar dat laat zien hoe kern capabilities in de praktijk kunnen worden vertaald naar software.',
      'Publieke demo-prototype ondersteund via API-interfaces voor het bijhouden van en vragen bij het WOZ-register.',
    ],
    // "ntb13": allocation to be determined (footnote 13); the overview prints "ntb17" (same text).
    amounts: ['2.002', 'ntb', '1.500', '-'],
    lines: [2160, 2171],
    footnotes: [FOOTNOTE_DATA_BIJ_DE_BRON, NOTE_OVERVIEW_DATA_BIJ_DE_BRON],
    overview: { name: 'Data bij de Bron', amount: 'ntb', opdrachtnemers: 'VNG', lines: [2953, 2953] },
  }),
  proposal({
    domain: 'Gegevensuitwisseling',
    status: 'Doorloper',
    name: 'Herbouw Digipoort',
    development: [
      'In 2025 en de eerste helft van 2026 migratie van de berichtenstromen die via Digipoort worden verwerkt naar de nieuwe voorziening.',
    ],
    amounts: ['12.752', '12.752', '4.904', '-'],
    lines: [2173, 2179],
    overview: { name: 'Herbouw Digipoort', amount: '12.752', opdrachtnemers: 'Logius', lines: [2922, 2922] },
  }),
  proposal({
    domain: 'Gegevensuitwisseling',
    status: 'Doorloper',
    // The plan repeats the status in the name, in the chapter and in the overview. The chapter says
    // "toegangsverkenning", the overview "toegangsverlening"; both kept as printed.
    name: 'Doorloper Standaard methodiek toegangsverkenning API’s',
    development: [
      'Nieuwe landelijke standaard waarmee op een juiste manier in een federatief stelsel toegang tot data kan worden gestandaardiseerd.',
      'Plan van Aanpak (2024) uitvoeren.',
      'Standaardiseringsproces in gang zetten.',
    ],
    amounts: ['897', '897', '-', '-'],
    lines: [2181, 2191],
    overview: { name: 'Doorloper Standaard methodiek toegangsverlening API’s', amount: '897', opdrachtnemers: 'VNG', lines: [2955, 2955] },
  }),
  proposal({
    domain: 'Gegevensuitwisseling',
    status: 'Doorloper',
    name: 'Implementatie SDG fase 2 Procedures en Once Only Technical System',
    development: ['Implementatie van het Once Only Technical System.'],
    // Bullet and amounts share line 2197: "... System.  4.432 308314 1.552 1.372"; 308314 = 3083 +
    // footnote 14, which splits it as 650 + 2.433 = 3.083 (the overview prints 3.083).
    amounts: ['4.432', '3083', '1.552', '1.372'],
    lines: [2193, 2197],
    footnotes: [FOOTNOTE_SDG],
    overview: {
      name: 'Implementatie SDG fase 2 Procedures en Once Only Technical System',
      amount: '3.083',
      opdrachtnemers: 'BZK, bNC-SDG, RINIS',
      lines: [2903, 2906],
    },
  }),

  // --- Infrastructuur, lines 2581-2596 ---
  proposal({
    domain: 'Infrastructuur',
    status: 'Doorloper',
    name: 'Doorontwikkeling Diginetwerk 2025: realisatie toekomstvisie ’24',
    development: [
      // "Digitnetwerk" is the plan's typo, kept.
      'Afhankelijk van de uitkomsten van het onderzoek naar Digitnetwerk dat in 2024 wordt uitgevoerd, zijn wijzigingen binnen het afsprakenstelsel Diginetwerk op relatief korte termijn (binnen 1 à 2 jaar) zichtbaar voor de aangesloten organisaties (veilige connectiviteit van overheden naar cloudleveranciers en vice versa).',
    ],
    amounts: ['300', '300', '300', '300'],
    lines: [2585, 2594],
    overview: { name: 'Doorontwikkeling Diginetwerk 2025', amount: '300', opdrachtnemers: 'Logius', lines: [2918, 2918] },
  }),
];

// ---------------------------------------------------------------------------------------------------
// Totals the plan states. It states no per-domain totals or subtotals for either table; the only other
// figures in the financial parts are shares (about 80% B&E, 20% doorontwikkeling en vernieuwing, 2%
// innovatie, lines 119-126 and 2718-2720), which are not amounts.

export const statedTotals: readonly PlanStatedTotal[] = [
  {
    key: 'beheer.total',
    label: 'Beheer en exploitatieoverzicht 2025: Totaal',
    // The 23 lines add up to 263.681; this total leaves out Samenwerkende Catalogi SDG (218).
    amount: '263.463',
    source: src(OVERVIEW_BEHEER, 2868, 2868),
  },
  {
    key: 'beheer.total.rounded',
    label: 'Totaal van de bouwstenen in 2025: € 263,46 mln',
    amount: '263.460',
    roundedTo: 10,
    source: src('Financieel overzicht › Beheer en exploitatieoverzicht 2025', 2765, 2765),
  },
  {
    key: 'renewal.allocated.total',
    label: 'Vernieuwingsbudget 2025: Totaal (toegekend, zonder Data bij de Bron)',
    amount: '78.004',
    source: src(OVERVIEW_RENEWAL, 2968, 2968),
  },
  {
    key: 'renewal.available',
    label: 'Beschikbaar bedrag voor vernieuwing in 2025: € 78 mln',
    amount: '78.000',
    roundedTo: 1000,
    source: src(OVERVIEW_RENEWAL, 2870, 2870),
  },
  {
    key: 'innovation.available',
    label: 'Innovatiebudget: voor 2025 is 5 miljoen euro beschikbaar gesteld',
    amount: '5.000',
    roundedTo: 1000,
    source: src('Financieel overzicht', 2720, 2721),
  },
];
