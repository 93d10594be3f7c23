// The page's entry, small (~25 KB): it sends the questions every first view asks (the side
// lists, and the start view's picture when the address asks for the start view), then imports
// the explorer's main chunk (Cytoscape, ~540 KB), which index.html has the browser fetch and
// compile from the start (build/preload.ts). The answers travel while that chunk is compiled and
// run; main.ts's requests for the same take them up (api.ts). On a network with latency this
// saves a round trip before the first picture. Meanwhile it readies what the first picture
// would wait for (below).
import { askEarly } from './api.ts';
import { labelFont } from './fonts.ts';
import { startViewQuestion } from './first-questions.ts';
import { t } from './messages.ts';
import { fromQuery } from './state.ts';
import { textWidth } from './text.ts';

const state = fromQuery(location.search);
for (const list of ['clusters', 'cities', 'documents'] as const) askEarly(list);
if (state.view === 'start') askEarly('neighborhood', startViewQuestion(state));

import('./main.ts').catch((error: unknown) => {
  // A chunk that cannot be fetched (the server gone, or a page older than the files it names) leaves no picture: say so.
  const status = document.getElementById('status');
  if (status) {
    status.textContent = t('loadFailed', state.lang);
    status.dataset.kind = 'error';
  }
  console.error(error);
});

// What the first picture would otherwise wait for is made now, while the main chunk compiles and
// the page has nothing else to do: the labels' fonts (the first label measured in a font with Han
// characters waits for its file: 15–25 ms each, bold and regular, on a page's first picture,
// headless Chromium on Linux).
for (const city of [true, false]) textWidth('广东 Guangdong', labelFont(city));
