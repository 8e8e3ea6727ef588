#!/usr/bin/env node
// Builds the "pasted page" corpus: wraps labelled articles from tests/corpus/{dev,extra,holdout}
// in the news-site templates under tests/corpus/pages/templates/, renders each page in headless
// Chromium, selects all, copies, and records what a reader's paste contains (text/plain and
// text/html), plus which lines of the plain text are page furniture.
//
//   node tests/corpus/pages/make.mjs                 # all pages (run from the repo root)
//   node tests/corpus/pages/make.mjs --only wire     # pages whose id contains "wire"
//   node tests/corpus/pages/make.mjs --dump /tmp/pg  # also write the rendered HTML pages there
//
// playwright-core is looked up in $PLAYWRIGHT_CORE_DIR, ./e2e/node_modules and
// /work/main/e2e/node_modules; Chromium at $CHROMIUM or /usr/bin/chromium.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const HERE = path.join('tests', 'corpus', 'pages');
const CORPUS = path.join('tests', 'corpus');
if (!fs.existsSync(path.join(HERE, 'templates'))) {
  console.error('make.mjs: run from the repository root (tests/corpus/pages/templates not found)');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// The pages: one entry per (style, article). Everything here except the article is furniture
// written for this corpus (CC0): bylines, dates, captions, credits, related headlines, tags.
// `standfirst: true` puts the article's first paragraph in the template's standfirst slot.
// ---------------------------------------------------------------------------------------------
const PAGES = [
  // --- wire: a wire-service site -------------------------------------------------------------
  {
    style: 'wire', article: 'holdout/ap-kenya-floods-cholera',
    section: 'World', subsection: 'Africa',
    byline: 'By Evelyn Wanjiru and Thomas Odhiambo, Associated Press',
    published: 'Updated 6:52 PM GMT+3, May 2, 2024',
    caption: 'Residents wade through floodwater in Nyando, western Kenya, on Wednesday, May 1, 2024.',
    credit: '(AP Photo/Brian Otieno)',
    bio: 'Associated Press writer Thomas Odhiambo contributed from Kisumu.',
    tags: ['Kenya', 'Floods', 'Cholera', 'Africa', 'Weather'],
    readmore: ['Heavy rains displace thousands in northern Tanzania',
      'Aid groups warn of cholera risk across East Africa as rains continue'],
  },
  {
    style: 'wire', article: 'holdout/reuters-colombia-dissident-ceasefire',
    section: 'World', subsection: 'Americas',
    byline: 'By Camila Ortega | Reuters',
    published: 'Updated 9:18 PM UTC, February 12, 2025',
    caption: 'Government peace commissioner Andrea Salcedo speaks to the media after a round of talks in Havana, Cuba, February 12, 2025.',
    credit: 'REUTERS/Marta Quintero',
    bio: 'Camila Ortega covers Colombia’s peace process and security from Bogota.',
    tags: ['Colombia', 'Cuba', 'Peace talks', 'Latin America'],
    readmore: ['Cauca farmers caught between coca eradication and armed groups',
      'UN mission says violence against social leaders rose last year'],
  },
  {
    style: 'wire', article: 'holdout/business-vandermeer-brightwell-merger',
    section: 'Business', subsection: 'Deals',
    byline: 'By Pieter Jansen and Rachel Moore',
    published: 'Updated 11:40 AM EDT, June 9, 2025',
    caption: 'Packets of Brightwell pretzels on a supermarket shelf in Columbus, Ohio, in a file photo.',
    credit: '(Meridian Wire Photo/Joe Alvarez, File)',
    bio: 'Pieter Jansen reports on European consumer companies from Amsterdam. Rachel Moore contributed from New York.',
    tags: ['Mergers and acquisitions', 'Food industry', 'Netherlands', 'Stock markets'],
    readmore: ['Snack makers bet on smaller packs as shoppers cut back',
      'European shares edge higher as consumer stocks rally'],
  },
  {
    style: 'wire', article: 'dev/voa-north-korea-talks-bosworth',
    section: 'World', subsection: 'Asia Pacific',
    byline: 'By Daniel Kwon',
    published: 'Updated 3:05 AM EST, February 5, 2010',
    caption: 'U.S. envoy Stephen Bosworth speaks to reporters at Incheon International Airport, west of Seoul.',
    credit: '(Meridian Wire Photo/Ahn Ji-ho)',
    bio: 'Daniel Kwon is Meridian Wire’s Seoul correspondent.',
    tags: ['North Korea', 'South Korea', 'Nuclear weapons', 'Diplomacy'],
    readmore: ['Seoul and Tokyo agree to share intelligence on missile launches',
      'China urges restraint after artillery drill near maritime border'],
  },

  // --- broadsheet: a British quality daily ----------------------------------------------------
  {
    style: 'broadsheet', article: 'holdout/bbc-style-river-wen-sewage-penalty', standfirst: true,
    section: 'Environment', kicker: 'Water industry', today: 'Wednesday 12 March 2025',
    byline: 'Harriet Coles, Environment correspondent',
    published: 'Wednesday 12 March 2025 06.00 GMT',
    caption: 'The River Wen at Frome, where campaigners have tested the water every week since 2020.',
    credit: 'Photograph: Ben Ashby/The Daily Compass',
    tags: ['Water industry', 'Pollution', 'Rivers', 'Somerset', 'Environment'],
    readmore: ['Fines for water firms to rise tenfold under new powers, says regulator',
      '‘We can smell it from the garden’: life beside a storm overflow',
      'Anglers take water company to court over dead fish'],
  },
  {
    style: 'broadsheet', article: 'extra/orig-england-junior-doctors-strike',
    section: 'Society', kicker: 'NHS', today: 'Friday 7 June 2024',
    byline: 'Tom Whitlock, Health editor',
    published: 'Friday 7 June 2024 17.45 BST',
    caption: 'Junior doctors on a picket line outside St Thomas’ Hospital during an earlier walkout.',
    credit: 'Photograph: Lucy North/PA',
    tags: ['Junior doctors', 'NHS', 'Industrial action', 'Health'],
    readmore: ['What do junior doctors earn and why are they striking?',
      'Waiting list in England falls for third month running',
      'Hospital leaders warn of ‘winter without slack’'],
  },
  {
    style: 'broadsheet', article: 'extra/orig-france-chad-troop-withdrawal',
    section: 'World', kicker: 'France', today: 'Tuesday 14 January 2025',
    byline: 'Juliette Marchand in Paris',
    published: 'Tuesday 14 January 2025 16.20 GMT',
    caption: 'French soldiers board a transport aircraft at the air base in N’Djamena.',
    credit: 'Photograph: Alain Dubois/AFP/Getty Images',
    tags: ['France', 'Chad', 'Africa', 'Military'],
    readmore: ['Paris’s Africa reset: what is left of France’s military footprint?',
      'Senegal asks French troops to leave by end of year',
      'Russia courts Sahel juntas with arms and grain'],
  },
  {
    style: 'broadsheet', article: 'extra/orig-germany-grid-fast-track-bill',
    section: 'World', kicker: 'Germany', today: 'Wednesday 11 June 2025',
    byline: 'Kate Lindner, Berlin correspondent',
    published: 'Wednesday 11 June 2025 14.05 BST',
    caption: 'Pylons carry power lines near Grafenrheinfeld in Bavaria, where the SuedLink cable is due to connect.',
    credit: 'Photograph: Marco Weber/dpa',
    tags: ['Germany', 'Energy', 'Renewable energy', 'Europe'],
    readmore: ['Germany’s wind boom is running into a wall of red tape',
      'Grid bottlenecks cost EU billions, watchdog says',
      'Households face higher network charges from January'],
  },

  // --- localtv: a local TV station site -------------------------------------------------------
  {
    style: 'localtv', article: 'holdout/court-naperville-ponzi-sentencing',
    byline: 'By Alyssa Grant',
    published: 'Published: Oct. 15, 2024 at 5:14 PM CDT | Updated: 2 hours ago',
    caption: 'Raymond Kessler, 67, was sentenced to nine years in federal prison on Tuesday.',
    credit: '(Source: KRVX 7 News)',
    readmore: ['Suburban couple charged in $2 million investment fraud',
      'How to check whether your financial adviser is registered'],
  },
  {
    style: 'localtv', article: 'dev/dvids-3cr-live-fire-2016',
    byline: 'By KRVX 7 News Staff',
    published: 'Published: Jul. 22, 2016 at 6:02 PM CDT | Updated: Jul. 22, 2016 at 10:15 PM CDT',
    caption: 'Troopers with the 3rd Cavalry Regiment move toward a mock village during a live-fire exercise at Fort Hood.',
    credit: '(Courtesy: U.S. Army)',
    readmore: ['Fort Hood soldiers welcomed home after nine-month deployment',
      'Killeen ISD announces new school start times'],
  },
  {
    style: 'localtv', article: 'holdout/dvids-engineers-wet-gap-crossing',
    byline: 'By Derrick Lyons',
    published: 'Published: Jun. 6, 2025 at 4:31 PM CDT | Updated: Jun. 6, 2025 at 7:50 PM CDT',
    caption: 'Soldiers with the 5th Engineer Battalion guide an Improved Ribbon Bridge bay into place on the Big Piney River.',
    credit: '(Courtesy: Fort Leonard Wood Public Affairs)',
    readmore: ['Fort Leonard Wood gate closures planned for next week',
      'Central Texas engineers train for swift-water rescues'],
  },

  // --- magazine: a WordPress magazine theme ---------------------------------------------------
  {
    style: 'magazine', article: 'holdout/science-solar-oxygen-pneumonia-malawi',
    section: 'Science', subsection: 'Health',
    byline: 'by Laura Benedetti',
    published: 'March 5, 2025',
    caption: 'A nurse checks a child’s oxygen level with a pulse oximeter at a district hospital in southern Malawi.',
    credit: 'Image: Getty Images',
    pullquote: '“Countries do not need to wait for a big hospital or a national grid to save these children.”',
    bio: 'Laura Benedetti is a freelance science writer based in Lisbon who covers global health.',
    tags: ['Malawi', 'Pneumonia', 'Solar power', 'Global health', 'Children'],
    readmore: ['The low-tech fixes saving newborns in rural clinics',
      'Can cheap sensors stop the next cholera outbreak?'],
  },
  {
    style: 'magazine', article: 'extra/orig-hard-dublin-sessions-apostrophes',
    section: 'Culture', subsection: 'Music',
    byline: 'by Ciarán Walsh',
    published: 'August 22, 2024',
    caption: 'Sa\'ad al-Khafaji and Niamh O\'Brien play at the Cobblestone during the Late Sessions festival.',
    credit: 'Photo: Eoin Murray',
    pullquote: '“Nobody in the room needs to be told it’s the same music.”',
    bio: 'Ciarán Walsh writes about music and migration from Dublin.',
    tags: ['Dublin', 'Irish music', 'Festivals', 'Iraq'],
    readmore: ['The lost dancehalls of County Clare',
      'How the oud found a home in European folk clubs'],
  },
  {
    style: 'magazine', article: 'holdout/wikinews-dunedin-cycleway-vote',
    section: 'Cities', subsection: 'Transport',
    byline: 'by Mere Parata',
    published: 'November 12, 2024',
    caption: 'Cyclists on a painted lane in central Dunedin, where protected cycleways are planned.',
    credit: 'Credit: Hamish Reid/The Longitude Review',
    pullquote: '“This is about giving families a safe choice.”',
    bio: 'Mere Parata is a transport reporter based in Ōtepoti Dunedin.',
    tags: ['New Zealand', 'Cycling', 'Urban planning'],
    readmore: ['Wellington’s bike lane fight, two years on',
      'Why parking is the most political thing in a city'],
  },

  // --- agency: a government / agency newsroom -------------------------------------------------
  {
    style: 'agency', article: 'dev/voa-editorial-us-initiative-on-malaria-2007',
    section: 'Editorials', kicker: 'Editorial',
    byline: 'Editorial Desk',
    published: 'Release date: January 29, 2007',
    release_no: 'Release No. 07-019',
    caption: 'Health workers hand out insecticide-treated bed nets in Zanzibar.',
    credit: '(Photo by Amina Salum, Office of Public Affairs)',
    caption2: 'Children wait outside a malaria clinic on Pemba Island. (Photo by Amina Salum)',
    contact: 'Press Office, (202) 555-0142, press@publicaffairs.example.gov',
    lastupdated: 'Last updated: January 30, 2007',
    tags: ['Malaria', 'Africa', 'Global health', 'Foreign assistance'],
    readmore: ['Fact sheet: bed net distribution in East Africa', 'Statement on World Malaria Day'],
  },
  {
    style: 'agency', article: 'holdout/un-news-sahel-schools-closed',
    section: 'News Releases', kicker: 'News Story',
    byline: 'By Newsroom Staff',
    published: 'Release date: September 6, 2024',
    release_no: 'Release No. 24-311',
    caption: 'Children attend class in a temporary learning centre in the Mopti region of Mali.',
    credit: '(Photo: UNICEF/Seydou Traoré)',
    caption2: 'A school building damaged in an attack near the border with Burkina Faso. (Photo: UNICEF/Seydou Traoré)',
    contact: 'Newsroom duty officer, +41 22 555 0190, newsroom@publicaffairs.example.gov',
    lastupdated: 'Last updated: September 9, 2024',
    tags: ['Education', 'Sahel', 'Children', 'Humanitarian aid'],
    readmore: ['Sahel humanitarian appeal: funding update', 'School meals programme expands in Niger'],
  },
  {
    style: 'agency', article: 'extra/orig-dvids-steel-rain-polish-live-fire',
    section: 'News Releases', kicker: 'News Story',
    byline: 'Story by Sgt. Kelsey Vaughn',
    published: 'Release date: May 16, 2024',
    release_no: 'Release No. 24-0516-02',
    caption: 'A U.S. Army M777 howitzer crew fires during a combined live-fire exercise at Bemowo Piskie Training Area, Poland, May 14.',
    credit: '(U.S. Army photo by Sgt. Kelsey Vaughn)',
    caption2: 'Polish and U.S. Soldiers review a fire mission at the battalion fire direction center. (U.S. Army photo by Spc. Tyler Reese)',
    contact: 'Public Affairs Office, (555) 010-2231',
    lastupdated: 'Last updated: May 16, 2024',
    tags: ['Poland', 'NATO', 'Field artillery', 'Training'],
    readmore: ['Polish and U.S. engineers build bridge across Vistula in night drill',
      'Battalion completes gunnery certification before rotation'],
  },
  {
    style: 'agency', article: 'dev/insidevoa-kerry-russia-ukraine-sanctions-2014',
    section: 'Press Releases', kicker: 'Press Release',
    byline: 'Office of Public Affairs',
    published: 'Release date: March 19, 2014',
    release_no: 'Release No. 14-027',
    caption: 'Secretary of State John Kerry speaks with VOA’s Persian Service at the State Department.',
    credit: '(Photo: VOA)',
    caption2: 'VOA Persian Service anchors in the Washington studio. (Photo: VOA)',
    contact: 'Public Relations, (202) 555-0121, publicrelations@publicaffairs.example.gov',
    lastupdated: 'Last updated: March 20, 2014',
    tags: ['Russia', 'Ukraine', 'Iran', 'Interviews'],
    readmore: ['VOA Persian launches new evening program', 'Secretary of State interview transcript available'],
  },

  // --- tabloid: a British tabloid ----------------------------------------------------------
  {
    style: 'tabloid', article: 'extra/orig-senate-hearing-ukraine-air-defense',
    kicker: 'Ukraine war',
    byline: 'By Sam Porter, US Correspondent, and Reuters',
    published: 'Published: 15:47 GMT, 5 March 2024 | Updated: 16:30 GMT, 5 March 2024',
    caption: 'Gen Laura Whitcomb told senators Ukraine was ‘counting shells’',
    credit: '(Image: Getty Images)',
    readmore: ['Kremlin issues fresh warning to Europe over air defence deliveries',
      'Ukraine’s drone factories race to keep up with demand',
      'What happens if US aid to Kyiv runs out?',
      'Senate clash as $8.5bn package stalls'],
  },
  {
    style: 'tabloid', article: 'dev/voa-hiv-aids-fauci-2010',
    kicker: 'Health',
    byline: 'By Nina Castell, Health Reporter',
    published: 'Published: 11:02 BST, 9 July 2010 | Updated: 11:40 BST, 9 July 2010',
    caption: 'Dr Anthony Fauci spoke to reporters in Washington ahead of the Vienna conference',
    credit: '(Image: Getty Images)',
    readmore: ['New HIV pill to be offered at sexual health clinics',
      'World’s largest HIV vaccine trial in women to begin this year',
      'Charities warn of funding gap for AIDS treatment',
      'Doctors hail ‘remarkable’ drop in infections among babies'],
  },
  {
    style: 'tabloid', article: 'extra/orig-hard-kenya-floods-unbalanced-quotes',
    kicker: 'World news',
    byline: 'By Joe Marsh',
    published: 'Published: 18:20 GMT, 18 November 2023 | Updated: 18:55 GMT, 18 November 2023',
    caption: 'Families wade through floodwater in Garissa County, Kenya',
    credit: '(Image: AFP via Getty Images)',
    readmore: ['Dramatic moment rescuers pluck family from roof as river bursts banks',
      'Climate change ‘making East African floods more extreme’',
      'Aid agencies warn of disease risk after floods',
      'Heatwave warning as temperatures soar across southern Europe'],
  },

  // --- wpnews: WordPress news theme (spot_img / Date: / Share post: shape) ---------------------
  {
    style: 'wpnews', article: 'dev/seed-us-hamas-talks',
    section: 'World', subsection: 'Middle East', today: 'Thursday, March 6, 2025',
    published: 'March 6, 2025',
    caption: 'White House Press Secretary Karine Jean-Pierre speaks during a briefing.',
    credit: '(Photo: AFP)',
    tags: ['Gaza', 'Hamas', 'Israel', 'United States', 'Ceasefire'],
    readmore: ['Israel halts aid into Gaza as truce talks stall',
      'Egypt to host Arab summit on Gaza reconstruction plan',
      'Families of captives rally in Tel Aviv'],
    relateddate: ['March 5, 2025', 'March 4, 2025', 'March 2, 2025'],
  },
  {
    style: 'wpnews', article: 'holdout/seed-style-egypt-ethiopia-dam-talks',
    section: 'World', subsection: 'Africa', today: 'Wednesday, May 14, 2025',
    published: 'May 14, 2025',
    caption: 'The Grand Ethiopian Renaissance Dam on the Blue Nile near Guba, Ethiopia.',
    credit: '(Photo: Reuters)',
    tags: ['Egypt', 'Ethiopia', 'Nile', 'GERD', 'UAE'],
    readmore: ['Sudan’s farmers fear water shortages as dam fills',
      'Cairo hosts Nile Basin water ministers',
      'Abu Dhabi to host Horn of Africa investment forum'],
    relateddate: ['May 13, 2025', 'May 12, 2025', 'May 10, 2025'],
  },
  {
    style: 'wpnews', article: 'extra/orig-doha-gaza-truce-bridging-proposal',
    section: 'World', subsection: 'Middle East', today: 'Thursday, April 4, 2024',
    published: 'April 4, 2024',
    caption: 'Qatar’s Foreign Ministry spokesman Khalid al-Mansouri speaks to reporters in Doha.',
    credit: '(Photo: AFP)',
    tags: ['Qatar', 'Gaza', 'Hamas', 'Israel', 'Egypt'],
    readmore: ['Aid trucks queue at Rafah crossing as talks continue',
      'Hostage families call for deal ‘at any price’',
      'UN warns of famine in northern Gaza'],
    relateddate: ['April 3, 2024', 'April 2, 2024', 'March 31, 2024'],
  },

  // --- dateline: date line and menu before the headline, "(Photo: Reuters)" credits -----------
  {
    style: 'dateline', article: 'dev/voa-sudan-jeddah-talks-resume-2023',
    today: 'Friday, October 27, 2023',
    byline: 'By Observer Reporter',
    published: 'Published on October 26, 2023 at 7:15 PM',
    caption: 'Delegates attend an earlier round of Sudan cease-fire talks in Jeddah, Saudi Arabia.',
    credit: '(Photo: Reuters)',
    caption2: 'Displaced Sudanese families wait for food aid in Wad Madani. (Photo: AFP)',
    readmore: ['Sudan’s army chief visits Port Sudan as fighting spreads',
      'Chad opens new camp for refugees fleeing Darfur',
      'Aid groups say Khartoum hospitals near collapse'],
  },
  {
    style: 'dateline', article: 'extra/orig-somalia-al-shabab-base-attack',
    today: 'Saturday, May 25, 2024',
    byline: 'By Abdirizak Hersi',
    published: 'Published on May 24, 2024 at 9:40 PM',
    caption: 'Somali soldiers patrol near Afgooye in the Lower Shabelle region.',
    credit: '(Photo: Reuters)',
    caption2: 'Ambulances arrive at a hospital in Mogadishu. (Photo: AFP)',
    readmore: ['Somalia’s president vows to finish al-Shabab ‘within a year’',
      'ATMIS hands over two more bases to Somali forces',
      'Drought and conflict push Somali families into camps'],
  },
  {
    style: 'dateline', article: 'extra/orig-niger-wfp-ration-cuts',
    today: 'Wednesday, May 22, 2024',
    byline: 'By Aïssata Maiga',
    published: 'Published on May 21, 2024 at 5:02 PM',
    caption: 'A woman carries a sack of millet at a food distribution point in Tillabéri, Niger.',
    credit: '(Photo: Reuters)',
    caption2: 'Children wait for rations outside the grain store in Ayorou. (Photo: WFP/Moussa Idrissa)',
    readmore: ['Niger’s junta orders foreign NGOs to register again',
      'Lean season: five things to know about hunger in the Sahel',
      'Donors pledge $1bn for Sahel at Geneva conference'],
  },
  {
    style: 'dateline', article: 'holdout/voa-zambia-drought-wfp',
    today: 'Thursday, June 13, 2024',
    byline: 'By Chanda Mulenga',
    published: 'Published on June 11, 2024 at 11:26 AM',
    caption: 'A farmer walks through a field of failed maize near Siavonga, southern Zambia.',
    credit: '(Photo: Reuters)',
    caption2: 'Women queue at a borehole in Zambia’s Southern Province. (Photo: AFP)',
    readmore: ['Malawi declares state of disaster as drought bites',
      'Zimbabwe to import maize after worst harvest in years',
      'El Niño: what it means for southern Africa’s next season'],
  },
];

// ---------------------------------------------------------------------------------------------
// Templates: {{var}} (HTML-escaped), {{#var}}…{{/var}} (kept when var is set; repeated with
// {{.}} for a list), {{body}} (the article paragraphs and inserts), and inserts
// <!--fs:insert after="N"-->…<!--/fs:insert--> placed after body paragraph N (1-based; negative
// counts from the end: -1 is after the last but one). An insert naming an unset variable, or
// whose position is outside the body, is dropped. data-fs="…" marks the headline, byline,
// published, standfirst and paragraph elements; the marks are read and removed before copying.
// ---------------------------------------------------------------------------------------------
class MissingVar extends Error {}

function esc(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function lookup(vars, name) {
  let v = vars;
  for (const k of name.split('.')) {
    if (v == null) return undefined;
    v = v[k];
  }
  return v;
}

function render(tpl, vars) {
  tpl = tpl.replace(/\{\{#([\w.]+)\}\}([\s\S]*?)\{\{\/\1\}\}/g, (_, name, inner) => {
    const v = lookup(vars, name);
    if (v == null || v === false || (Array.isArray(v) && v.length === 0)) return '';
    if (Array.isArray(v)) return v.map((item) => render(inner.replace(/\{\{\.\}\}/g, esc(item)), vars)).join('');
    return render(inner, vars);
  });
  return tpl.replace(/\{\{([\w.]+)\}\}/g, (_, name) => {
    if (name === 'body') return vars.__body ?? '{{body}}';
    const v = lookup(vars, name);
    if (v == null) throw new MissingVar(name);
    return esc(v);
  });
}

function slug(s) {
  return String(s).toLowerCase().normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-');
}

// Small deterministic numbers (comment counts) from the page id.
function hash(s) {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0), 16777619) >>> 0;
  return h;
}

function isSubhead(p) {
  return p.length < 60 && !/[.!?:"”’)»]$/.test(p) && !/^\d{4}-\d\d-\d\d/.test(p);
}

function buildPage(spec) {
  const articleFile = path.join(CORPUS, spec.article + '.json');
  const art = JSON.parse(fs.readFileSync(articleFile, 'utf8'));
  const paras = art.text.split('\n\n');
  const tplRaw = fs.readFileSync(path.join(HERE, 'templates', spec.style + '.html'), 'utf8');
  const originMatch = tplRaw.match(/^<!-- fs-origin (\S+) -->\n/);
  if (!originMatch) throw new Error(`${spec.style}: template lacks the fs-origin line`);
  let tpl = tplRaw.slice(originMatch[0].length);
  const origin = originMatch[1];

  const inserts = [];
  tpl = tpl.replace(/[ \t]*<!--fs:insert after="(-?\d+)"-->([\s\S]*?)<!--\/fs:insert-->\n?/g, (_, after, html) => {
    inserts.push({ after: Number(after), html });
    return '';
  });

  const id = `${spec.style}--${path.basename(spec.article)}`;
  const vars = { ...spec, id: path.basename(spec.article) };
  vars.headline = art.headline;
  let body = paras.slice();
  if (body[0] === art.headline) body = body.slice(1); // seed-style texts open with the headline line
  if (spec.standfirst) {
    if (!tpl.includes('{{#standfirst}}')) throw new Error(`${id}: template has no standfirst slot`);
    vars.standfirst = body[0];
    body = body.slice(1);
  } else {
    delete vars.standfirst;
  }
  const words = art.text.split(/\s+/).length;
  vars.readtime = Math.max(1, Math.round(words / 230));
  vars.comments = 3 + (hash(id) % 180);
  if (vars.section) vars.section_slug = slug(vars.section);
  if (vars.subsection) vars.subsection_slug = slug(vars.subsection);

  const n = body.length;
  const after = new Map();
  for (const ins of inserts) {
    const pos = ins.after > 0 ? ins.after : n + ins.after;
    if (pos < 1 || pos >= n) continue;
    let html;
    try {
      html = render(ins.html, vars);
    } catch (e) {
      if (e instanceof MissingVar) continue;
      throw e;
    }
    if (!after.has(pos)) after.set(pos, []);
    after.get(pos).push(html.trim());
  }
  const parts = [];
  body.forEach((p, i) => {
    const inner = isSubhead(p) ? `<strong>${esc(p)}</strong>` : esc(p);
    parts.push(`<p data-fs="para">${inner}</p>`);
    for (const h of after.get(i + 1) || []) parts.push(h);
  });
  vars.__body = parts.join('\n');
  let html;
  try {
    html = render(tpl, vars);
  } catch (e) {
    if (e instanceof MissingVar) throw new Error(`${id}: template ${spec.style} needs {{${e.message}}}`);
    throw e;
  }
  const url = `${origin}/${slug(vars.section || 'news')}/${vars.id}`;
  return { id, spec, art, paras, html, origin, url };
}

// ---------------------------------------------------------------------------------------------
// Browser: render, select all, copy, read the clipboard back.
// ---------------------------------------------------------------------------------------------
async function loadChromium() {
  const dirs = [process.env.PLAYWRIGHT_CORE_DIR, path.resolve('e2e/node_modules/playwright-core'),
    '/work/main/e2e/node_modules/playwright-core'].filter(Boolean);
  for (const d of dirs) {
    const entry = path.join(d, 'index.mjs');
    if (fs.existsSync(entry)) return (await import(pathToFileURL(entry).href)).chromium;
  }
  throw new Error('playwright-core not found (looked in ' + dirs.join(', ') + ')');
}

const PIXEL_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="#bbb"/></svg>';

const PASTE_PAGE = `<!DOCTYPE html><meta charset="utf-8"><div id="sink" contenteditable="true" style="min-height:50px"></div>
<script>document.addEventListener('paste', (e) => { window.__pasted = { text: e.clipboardData.getData('text/plain'),
  html: e.clipboardData.getData('text/html') }; e.preventDefault(); });</script>`;

async function capture(browser, page0) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: page0.origin });
  await context.route('**/*', (route) => {
    const req = route.request();
    if (req.url() === page0.url) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page0.html });
    if (req.url() === page0.origin + '/__paste') return route.fulfill({ status: 200, contentType: 'text/html', body: PASTE_PAGE });
    if (req.resourceType() === 'image') return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PIXEL_SVG });
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(page0.url, { waitUntil: 'load' });
  const roles = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('[data-fs]')) {
      out.push({ role: el.dataset.fs, text: el.innerText });
      el.removeAttribute('data-fs');
    }
    return out;
  });
  await page.bringToFront();
  const copyInPage = () => page.evaluate(async () => {
    const res = { errors: [] };
    try { await navigator.clipboard.writeText(''); } catch (e) { res.errors.push('clear: ' + e); }
    const sel = window.getSelection();
    sel.removeAllRanges();
    document.execCommand('selectAll');
    res.copied = document.execCommand('copy');
    res.selText = sel.toString();
    const div = document.createElement('div');
    if (sel.rangeCount) div.appendChild(sel.getRangeAt(0).cloneContents());
    res.selHtml = div.innerHTML;
    try {
      const items = await navigator.clipboard.read();
      res.types = [];
      for (const it of items) {
        for (const t of it.types) {
          res.types.push(t);
          const v = await (await it.getType(t)).text();
          if (t === 'text/plain') res.text = v;
          if (t === 'text/html') res.html = v;
        }
      }
    } catch (e) { res.errors.push('read: ' + e); }
    return res;
  });
  let res = await copyInPage();
  let route = 'execCommand';
  if (!res.text || !res.html) {
    // Try the keyboard: Ctrl+A, Ctrl+C as a reader would.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const kb = await page.evaluate(async () => {
      const r = { errors: [] };
      try {
        for (const it of await navigator.clipboard.read()) {
          for (const t of it.types) {
            const v = await (await it.getType(t)).text();
            if (t === 'text/plain') r.text = v;
            if (t === 'text/html') r.html = v;
          }
        }
      } catch (e) { r.errors.push('read: ' + e); }
      return r;
    });
    if (kb.text && kb.html) {
      res = { ...res, text: kb.text, html: kb.html };
      route = 'keyboard';
    }
  }
  let via = 'clipboard';
  if (!res.text || !res.html) {
    via = 'selection';
    res.text = res.selText;
    res.html = res.selHtml;
  }
  // Cross-check: what a paste event in a page of the same origin receives (Ctrl+V).
  let pasteSame = null;
  if (via === 'clipboard') {
    const sink = await context.newPage();
    await sink.goto(page0.origin + '/__paste');
    await sink.bringToFront();
    await sink.focus('#sink');
    await sink.keyboard.press('Control+V');
    const got = await sink.waitForFunction(() => window.__pasted, null, { timeout: 5000 }).then((h) => h.jsonValue()).catch(() => null);
    pasteSame = !!got && got.text === res.text && got.html === res.html;
    await sink.close();
  }
  await context.close();
  return { roles, text: res.text, html: res.html, via, route, errors: res.errors, copied: res.copied, pasteSame };
}

// ---------------------------------------------------------------------------------------------
// Lines: headline, byline, published, standfirst and paragraphs are found in the plain text
// in document order; every other non-empty line is furniture.
// ---------------------------------------------------------------------------------------------
const fold = (s) => s.replace(/[\s\u00a0]+/g, ' ').trim();

function classify(page0, cap) {
  const problems = [];
  const expected = [];
  for (const r of cap.roles) {
    const lines = r.text.split('\n').map(fold).filter(Boolean);
    if (lines.length !== 1) problems.push(`${r.role} element gives ${lines.length} lines: ${JSON.stringify(r.text)}`);
    for (const l of lines) expected.push({ role: r.role, line: l });
  }
  const lines = cap.text.split('\n');
  const found = {};
  const furniture = [];
  let j = 0;
  for (const raw of lines) {
    const t = raw.trim();
    if (!t) continue;
    if (j < expected.length && fold(t) === expected[j].line) {
      const role = expected[j].role;
      (found[role] ||= []).push(t);
      j++;
    } else {
      furniture.push(t);
    }
  }
  if (j < expected.length) problems.push(`not found in the paste as a line: ${expected[j].role} ${JSON.stringify(expected[j].line.slice(0, 80))}`);
  // The article's own paragraphs come through unchanged, in order (a seed-style text opens
  // with its headline line, which the page shows as the h1).
  const headlineIsPara = page0.paras[0] === page0.art.headline;
  const articleLines = [...(headlineIsPara ? (found.headline || []).slice(0, 1) : []),
    ...(found.standfirst || []), ...(found.para || [])];
  if (articleLines.join('\n\n') !== page0.paras.join('\n\n')) {
    problems.push('article paragraphs in the paste differ from the clean text');
  }
  const headline = (found.headline || [])[0] ?? null;
  if (headline !== page0.art.headline) problems.push(`headline line ${JSON.stringify(headline)} differs from the article's`);
  for (const f of furniture) {
    if (page0.paras.includes(f)) problems.push(`furniture line equals an article paragraph: ${f.slice(0, 60)}`);
  }
  return {
    headline,
    byline: (found.byline || [])[0] ?? null,
    published: (found.published || [])[0] ?? null,
    furniture,
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
async function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
  const dump = args.includes('--dump') ? args[args.indexOf('--dump') + 1] : null;
  const pages = PAGES.map(buildPage).filter((p) => !only || p.id.includes(only));
  if (dump) {
    fs.mkdirSync(dump, { recursive: true });
    for (const p of pages) fs.writeFileSync(path.join(dump, p.id + '.html'), p.html);
  }
  const chromium = await loadChromium();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const vias = {};
  let failed = 0;
  let furnitureTotal = 0;
  let pasteSame = 0;
  try {
    for (const p of pages) {
      const cap = await capture(browser, p);
      const c = classify(p, cap);
      vias[`${cap.via}/${cap.route}`] = (vias[`${cap.via}/${cap.route}`] || 0) + 1;
      if (cap.pasteSame) pasteSame++;
      else if (cap.via === 'clipboard') console.error(`${p.id}: a paste event received different data than navigator.clipboard.read()`);
      if (c.problems.length) {
        failed++;
        console.error(`${p.id}: ${c.problems.join('; ')}`);
        continue;
      }
      const out = {
        id: p.id,
        style: p.spec.style,
        article: p.spec.article,
        headline: c.headline,
        byline: c.byline,
        published: c.published,
        text: cap.text,
        html: cap.html,
        furniture: c.furniture,
      };
      fs.writeFileSync(path.join(HERE, p.id + '.json'), JSON.stringify(out, null, 2) + '\n');
      furnitureTotal += c.furniture.length;
      console.log(`${p.id}: ${c.furniture.length} furniture lines (${cap.via}${cap.errors.length ? '; ' + cap.errors.join('; ') : ''})`);
    }
  } finally {
    await browser.close();
  }
  console.log(`${pages.length - failed} pages written, ${furnitureTotal} furniture lines; copied via ${JSON.stringify(vias)}; `
    + `a paste event got the same text and html on ${pasteSame} of ${pages.length} pages`);
  if (failed) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
