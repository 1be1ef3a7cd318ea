/**
 * The class results page (results.html): a teacher's summary of the files
 * groups exported, read in the browser. `lang=` works as on the game's page.
 */
import '@fontsource/ibm-plex-sans/400.css';
import '@fontsource/ibm-plex-sans/600.css';
import './game/styles.css';
import './game/class-results.css';
import { scenariosUrl } from 'virtual:scenarios';
import { scenarioNames } from './engine/results.js';
import { ClassResultsPage } from './game/class-results.js';
import { download } from './game/dom.js';
import { stringsFor } from './game/i18n.js';
import { fetchScenarioData } from './game/scenario-data.js';
import { readUrlOptions } from './game/url.js';

const url = readUrlOptions(location.search);
const { lang, strings } = stringsFor(url.lang);
document.documentElement.lang = lang;
document.title = `${strings.results.title} · ${strings.appName}`;
const root = document.getElementById('results');
if (root) {
  // The way back keeps the language the teacher chose.
  const back = lang === 'en' ? './' : `./?lang=${encodeURIComponent(lang)}`;
  const page = new ClassResultsPage(document, root, strings, (name, content, type) => download(document, name, content, type), back);
  // The game's scenarios give their titles and names in the page's language, so that results exported in several
  // languages show under one; without them (offline, say) the page shows the names most files give.
  void fetchScenarioData(scenariosUrl).then((r) => {
    if (r.ok) page.knowScenarios(scenarioNames(r.data.scenarios, lang));
  });
}
